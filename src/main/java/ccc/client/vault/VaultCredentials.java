package ccc.client.vault;

import static ccc.client.vault.VaultClient.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
import static ccc.client.vault.VaultClient.ACTIONS_ID_TOKEN_REQUEST_URL;
import static ccc.client.vault.VaultClient.VAULT_ROLE_ID;
import static ccc.client.vault.VaultClient.VAULT_SECRET_ID;
import static ccc.client.vault.VaultClient.VAULT_TOKEN;
import static ccc.client.vault.VaultEndpoint.nonBlank;

import ccc.CccException;
import ccc.config.VaultSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * How ccc authenticates to Vault, and where each input comes from. First match wins:
 * <ol>
 * <li>{@code VAULT_TOKEN}, when set and not blank, is used as it is, <em>whatever {@code vault.auth}
 * says</em>, and no login is made. This is the chosen short-circuit: an engineer can run against an
 * environment declared {@code auth: jwt} from a laptop ({@code export VAULT_TOKEN=$(vault print
 * token)}), and a workflow that already logged in (e.g. {@code hashicorp/vault-action}) can hand its
 * token over. Unset {@code VAULT_TOKEN} to make the declared method apply.</li>
 * <li>{@code auth: token}: the token file {@code vault login} writes ({@code ~/.vault-token}).</li>
 * <li>{@code auth: approle}: {@code VAULT_ROLE_ID} and {@code VAULT_SECRET_ID}, login at
 * {@code auth/<auth_mount or approle>/login}.</li>
 * <li>{@code auth: jwt} (GitHub Actions OIDC): an ID token fetched from
 * {@code ACTIONS_ID_TOKEN_REQUEST_URL} (plus {@code &audience=<vault.audience>} when set) with
 * {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN}, then a login at
 * {@code auth/<auth_mount or jwt>/login} with {@code {"role", "jwt"}}.</li>
 * </ol>
 * Missing inputs are reported here, naming the variables to set, before any network call. The
 * records' {@code toString} shows no credential.
 */
sealed interface VaultCredentials {

    /** For messages: "token from VAULT_TOKEN", "AppRole login at auth/approle (VAULT_ROLE_ID)"... */
    String describe();

    /** The values to mask wherever they might be echoed. */
    List<String> secrets();

    record Token(String token, String source) implements VaultCredentials {
        @Override
        public String describe() {
            return "token from " + source;
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "Token[" + source + "]";
        }
    }

    record AppRole(String mount, String roleId, String secretId) implements VaultCredentials {
        @Override
        public String describe() {
            return "AppRole login at auth/" + mount + " (" + VAULT_ROLE_ID + ")";
        }

        @Override
        public List<String> secrets() {
            return List.of(roleId, secretId);
        }

        @Override
        public String toString() {
            return "AppRole[" + mount + "]";
        }
    }

    /** @param requestUrl the token endpoint, with the audience parameter when one is set */
    record Jwt(String mount, String role, String audience, HttpUrl requestUrl, String requestToken)
            implements VaultCredentials {
        @Override
        public String describe() {
            return "GitHub Actions OIDC login at auth/" + mount + " as role '" + role + "'";
        }

        @Override
        public List<String> secrets() {
            return List.of(requestToken);
        }

        @Override
        public String toString() {
            return "Jwt[" + mount + ", " + role + "]";
        }
    }

    /**
     * @param tokenFile the file of {@code auth: token} ({@code null}: none)
     * @throws CccException when the chosen method lacks an input
     */
    static VaultCredentials of(VaultSettings settings, Map<String, String> env, Path tokenFile) {
        String token = nonBlank(env.get(VAULT_TOKEN));
        if (token != null) {
            return new Token(token.trim(), VAULT_TOKEN);
        }
        VaultSettings.AuthMethod method = settings.auth() == null ? VaultSettings.AuthMethod.TOKEN : settings.auth();
        return switch (method) {
            case TOKEN -> tokenFile(tokenFile);
            case APPROLE -> appRole(settings, env);
            case JWT -> jwt(settings, env);
        };
    }

    /** {@code ~/.vault-token}, or null when there is no home directory. */
    static Path defaultTokenFile() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".vault-token");
    }

    private static Token tokenFile(Path tokenFile) {
        String fromFile = null;
        if (tokenFile != null && Files.isRegularFile(tokenFile)) {
            try {
                fromFile = nonBlank(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
            } catch (IOException | RuntimeException e) {
                fromFile = null;
            }
        }
        if (fromFile == null) {
            throw new CccException("Vault auth 'token' needs a token: set " + VAULT_TOKEN
                    + " (for example: export VAULT_TOKEN=$(vault print token))"
                    + (tokenFile == null ? "." : ", or run 'vault login' so that " + tokenFile + " exists."));
        }
        return new Token(fromFile, tokenFile.toString());
    }

    private static AppRole appRole(VaultSettings settings, Map<String, String> env) {
        String roleId = nonBlank(env.get(VAULT_ROLE_ID));
        String secretId = nonBlank(env.get(VAULT_SECRET_ID));
        List<String> missing = new ArrayList<>();
        if (roleId == null) {
            missing.add(VAULT_ROLE_ID);
        }
        if (secretId == null) {
            missing.add(VAULT_SECRET_ID);
        }
        if (!missing.isEmpty()) {
            throw new CccException("Vault auth 'approle' needs " + VAULT_ROLE_ID + " and " + VAULT_SECRET_ID
                    + "; not set: " + String.join(", ", missing) + ". (Or set " + VAULT_TOKEN
                    + " to use a token directly.)");
        }
        return new AppRole(mountOr(settings.authMount(), "approle"), roleId.trim(), secretId.trim());
    }

    private static Jwt jwt(VaultSettings settings, Map<String, String> env) {
        String role = nonBlank(settings.role());
        if (role == null) {
            throw new CccException("Vault auth 'jwt' needs vault.role in ccc.yaml: the Vault JWT role"
                    + " that GitHub Actions logs in with.");
        }
        String url = nonBlank(env.get(ACTIONS_ID_TOKEN_REQUEST_URL));
        String requestToken = nonBlank(env.get(ACTIONS_ID_TOKEN_REQUEST_TOKEN));
        if (url == null || requestToken == null) {
            throw new CccException("Vault auth 'jwt' logs in with the GitHub Actions OIDC token, but "
                    + ACTIONS_ID_TOKEN_REQUEST_URL + " and " + ACTIONS_ID_TOKEN_REQUEST_TOKEN
                    + " are not both set. In GitHub Actions, give the job 'permissions: id-token: write'."
                    + " Outside GitHub Actions, set " + VAULT_TOKEN + " instead.");
        }
        HttpUrl requestUrl = HttpUrl.parse(url.trim());
        if (requestUrl == null) {
            throw new CccException(ACTIONS_ID_TOKEN_REQUEST_URL + " is not a usable http(s) URL.");
        }
        String audience = nonBlank(settings.audience());
        if (audience != null) {
            requestUrl = requestUrl.newBuilder().addQueryParameter("audience", audience).build();
        }
        return new Jwt(mountOr(settings.authMount(), "jwt"), role.trim(), audience, requestUrl, requestToken.trim());
    }

    private static String mountOr(String mount, String fallback) {
        String m = nonBlank(mount);
        if (m == null) {
            return fallback;
        }
        m = m.trim();
        if (m.startsWith("auth/")) {
            m = m.substring("auth/".length());
        }
        while (m.startsWith("/")) {
            m = m.substring(1);
        }
        while (m.endsWith("/")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.isEmpty() ? fallback : m;
    }
}
