package ccc.client.vault;

import ccc.CccException;

/**
 * One Vault path could not be read (denied, absent, wrong KV version, unexpected shape), while Vault
 * itself answered: other paths may still resolve, so a caller can collect these and report them
 * together. The message never contains a secret value.
 */
public final class VaultPathException extends CccException {

    private final String path;

    public VaultPathException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The path as the reference named it (KV mount first). */
    public String path() {
        return path;
    }
}
