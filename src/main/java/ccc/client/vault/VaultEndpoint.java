package ccc.client.vault;

import ccc.CccException;
import ccc.config.VaultSettings;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Which Vault to ask: the address is {@code VAULT_ADDR}, else {@code vault.address}; the namespace
 * is {@code VAULT_NAMESPACE}, else {@code vault.namespace}, sent as {@code X-Vault-Namespace} on
 * logins and reads.
 *
 * @param address       without a trailing slash
 * @param addressSource where the address came from, for messages that say what to check
 * @param namespace     the Vault Enterprise namespace, or null
 */
record VaultEndpoint(String address, String addressSource, String namespace) {

    static VaultEndpoint of(VaultSettings settings, Map<String, String> env) {
        String fromEnv = nonBlank(env.get(VaultClient.VAULT_ADDR));
        String raw = fromEnv != null ? fromEnv : nonBlank(settings.address());
        String source = fromEnv != null ? VaultClient.VAULT_ADDR : "vault.address in ccc.yaml";
        if (raw == null) {
            throw new CccException("no Vault address: set " + VaultClient.VAULT_ADDR
                    + ", or vault.address for this environment in ccc.yaml.");
        }
        String ns = nonBlank(env.get(VaultClient.VAULT_NAMESPACE));
        String namespace = ns != null ? ns.trim() : nonBlank(settings.namespace());
        return new VaultEndpoint(checkAddress(raw.trim(), source), source, namespace);
    }

    /** {@code <address>/v1/<apiPath>}, each segment of {@code apiPath} encoded as needed. */
    HttpUrl url(String apiPath) {
        return HttpUrl.get(address).newBuilder().addPathSegment("v1").addPathSegments(apiPath).build();
    }

    /** A sentence for messages about a path or a login: which namespace requests go to. */
    String namespaceNote() {
        return namespace != null
                ? " Requests go to Vault namespace '" + namespace + "'."
                : " No namespace was sent: if the secret lives in a Vault Enterprise namespace, set vault.namespace"
                + " or " + VaultClient.VAULT_NAMESPACE + ".";
    }

    private static String checkAddress(String address, String source) {
        String trimmed = address;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!(trimmed.startsWith("http://") || trimmed.startsWith("https://")) || HttpUrl.parse(trimmed) == null) {
            throw new CccException("the Vault address '" + address + "' (from " + source
                    + ") is not an http(s) URL: write it as https://host:8200.");
        }
        return trimmed;
    }

    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
