package ccc.targets;

import ccc.client.vault.VaultClient;
import ccc.client.vault.VaultPathException;
import java.util.Map;

/** The digest store at {@code sensitive.digest_store/<environment>} in the environment's Vault. */
final class VaultDigestStore implements DigestStore {

    private final VaultClient vault;
    private final String path;

    VaultDigestStore(VaultClient vault, String path) {
        this.vault = vault;
        this.path = path;
    }

    @Override
    public String location() {
        return path;
    }

    @Override
    public Map<String, String> read() {
        try {
            return vault.read(path);
        } catch (VaultPathException notYetWritten) {
            if (notYetWritten.absent()) {
                return Map.of();
            }
            throw notYetWritten;
        }
    }

    @Override
    public void write(Map<String, String> digestsByConnector) {
        vault.write(path, digestsByConnector);
    }
}
