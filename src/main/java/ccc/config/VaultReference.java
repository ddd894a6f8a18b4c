package ccc.config;

/** A {@code ${vault:<path>#<key>}} reference: the key of the KV secret at path. */
public record VaultReference(String path, String key) {

    @Override
    public String toString() {
        return "${vault:" + path + "#" + key + "}";
    }
}
