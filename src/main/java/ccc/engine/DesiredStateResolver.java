package ccc.engine;

import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.config.VaultReference;
import ccc.plan.DesiredConnectorState;
import ccc.plan.SensitiveDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns rendered connectors into what the plan engine compares and what apply sends: secrets
 * filled in, the service account's id set, and the keyed digest of the sensitive values added.
 */
public final class DesiredStateResolver {

    private final Map<VaultReference, String> secrets;
    private final Function<String, String> serviceAccountIds;
    private final UnaryOperator<String> digest;
    private final boolean keepDigestInConfig;

    /**
     * @param secrets every Vault reference of the connectors, resolved
     * @param serviceAccountIds display name (or sa- id) → sa- id
     * @param keepDigestInConfig write ccc's keyed digests of the sensitive values into the config
     *     (a cluster that masks secrets; one that returns them in plain text needs none)
     */
    public DesiredStateResolver(Map<VaultReference, String> secrets, Function<String, String> serviceAccountIds,
                                UnaryOperator<String> digest, boolean keepDigestInConfig) {
        this.secrets = Map.copyOf(secrets);
        this.serviceAccountIds = serviceAccountIds;
        this.digest = digest;
        this.keepDigestInConfig = keepDigestInConfig;
    }

    public static List<VaultReference> vaultReferences(List<DesiredConnector> connectors) {
        List<VaultReference> references = new ArrayList<>();
        for (DesiredConnector connector : connectors) {
            for (Template template : connector.sensitive().values()) {
                template.vaultReferences().stream().filter(r -> !references.contains(r)).forEach(references::add);
            }
        }
        return references;
    }

    public List<ResolvedConnector> resolve(List<DesiredConnector> connectors) {
        return connectors.stream().map(this::resolve).toList();
    }

    public ResolvedConnector resolve(DesiredConnector connector) {
        Map<String, String> config = new LinkedHashMap<>(connector.config());
        if (connector.needsServiceAccountLookup()) {
            config.put(DesiredConnector.SERVICE_ACCOUNT_KEY, serviceAccountIds.apply(connector.serviceAccount()));
        }
        Map<String, String> visible = new LinkedHashMap<>(config);
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, Template> entry : connector.sensitive().entrySet()) {
            String value = entry.getValue().resolve(secrets::get);
            config.put(entry.getKey(), value);
            digests.put(entry.getKey(), SensitiveDigest.of(digest, entry.getKey(), value));
        }
        if (keepDigestInConfig && !digests.isEmpty()) {
            config.put(SensitiveDigest.CONFIG_KEY, SensitiveDigest.encode(digests));
        }
        config.put("name", connector.name());
        DesiredConnectorState planned = new DesiredConnectorState(connector.name(), connector.directory(), visible,
                digests, connector.state());
        return new ResolvedConnector(connector, config, planned);
    }
}
