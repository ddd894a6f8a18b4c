package ccc.config;

/**
 * Where an environment's secrets come from. Environment variables (VAULT_ADDR, VAULT_NAMESPACE)
 * win over the address and namespace given here.
 */
public record VaultSettings(
        String address,
        String namespace,
        AuthMethod auth,
        String role,
        String audience,
        String authMount,
        int kvVersion) {

    public enum AuthMethod { TOKEN, APPROLE, JWT }

    public static final VaultSettings DEFAULT =
            new VaultSettings(null, null, AuthMethod.TOKEN, null, null, null, 2);
}
