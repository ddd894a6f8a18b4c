package ccc.targets;

import java.util.Map;

/**
 * Where ccc keeps its keyed digests of sensitive values when the cluster drops the digest key it
 * writes into a connector's config (Confluent Cloud keeps no key a class does not define): a Vault
 * KV secret the CI role may write, one per environment, holding nothing but keyed digests
 * ({@code connector → "v1:key=digest,..."}).
 */
public interface DigestStore {

    /** Where the digests are kept, for messages: the Vault path. */
    String location();

    /** The digests kept for each connector; empty before the first write. */
    Map<String, String> read();

    /** Replaces what is kept. */
    void write(Map<String, String> digestsByConnector);
}
