package ccc.client.vault;

import ccc.CccException;

/**
 * One Vault path could not be read (denied, absent, wrong KV version, unexpected shape), while Vault
 * itself answered: other paths may still resolve, so a caller can collect these and report them
 * together. The message never contains a secret value.
 */
public final class VaultPathException extends CccException {

    private final String path;
    private final boolean absent;

    public VaultPathException(String path, String message) {
        this(path, message, false);
    }

    /** @param absent Vault has no secret at the path (404), as opposed to refusing or misreading it */
    public VaultPathException(String path, String message, boolean absent) {
        super(message);
        this.path = path;
        this.absent = absent;
    }

    public boolean absent() {
        return absent;
    }

    /** The path as the reference named it (KV mount first). */
    public String path() {
        return path;
    }
}
