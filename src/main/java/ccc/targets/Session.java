package ccc.targets;

import ccc.client.connect.ConnectClient;
import ccc.config.VaultReference;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything the engine needs from outside the repository for one environment, whatever kind of
 * remote it is. {@link Sessions#open} picks the implementation; nothing else asks which kind.
 */
public interface Session {

    /** Where the connectors run, for headers: "env-abc/lkc-xyz at https://api.confluent.cloud" or a URL. */
    String location();

    ConnectClient connect();

    /** Every given reference resolved (and registered with the run's secret scrubber). */
    Map<VaultReference, String> secrets(List<VaultReference> references);

    /** The sa- id of a service account named by display name (an sa- id is returned as it is). */
    String serviceAccountId(String displayNameOrId);

    /**
     * What {@code ccc doctor} reads besides the connectors, through this session's endpoints and credentials.
     *
     * @throws ccc.CccException where there is nothing to read (an offline session)
     */
    Prerequisites prerequisites();

    /** The environment's keyed digest; the key itself is never printed. */
    UnaryOperator<String> digest();

    /**
     * True where the service silently drops config keys the connector class does not define
     * (Confluent Cloud): ccc then asks the class which keys it defines before sending.
     */
    boolean dropsUndefinedKeys();

    /** True where the service returns sensitive values in plain text (a self-managed worker). */
    boolean returnsPlainSecrets();

    /**
     * Where ccc keeps its digests when the cluster drops them (ccc.yaml's sensitive.digest_store),
     * or empty: then a secret rotated in Vault cannot be seen and every plan says so.
     */
    default java.util.Optional<DigestStore> digestStore() {
        return java.util.Optional.empty();
    }
}
