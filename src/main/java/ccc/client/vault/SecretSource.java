package ccc.client.vault;

import java.util.Map;

/**
 * Where secrets are read from: {@link VaultClient} in production, anything else in tests.
 */
@FunctionalInterface
public interface SecretSource {

    /**
     * Every key of the KV secret at {@code path} (KV mount first, e.g. {@code secret/peve/azure-blob}).
     *
     * @throws VaultPathException when this one path cannot be read (denied, not found, wrong KV
     *                            version) while other paths may still be readable
     * @throws ccc.CccException   when no path can be read (Vault unreachable, login refused, ...)
     */
    Map<String, String> read(String path);
}
