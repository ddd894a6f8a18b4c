package ccc.client.vault;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.config.VaultSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * Reads KV secrets from HashiCorp Vault through {@code io.github.jopenlibs:vault-java-driver}.
 *
 * <p><b>Where.</b> The address is {@code VAULT_ADDR}, else {@code vault.address}; the namespace is
 * {@code VAULT_NAMESPACE}, else {@code vault.namespace}, sent as {@code X-Vault-Namespace} on logins
 * and reads. The KV engine version is {@code vault.kv_version} (default 2), set explicitly on the
 * driver: it is never auto-detected. A path names its KV mount as its first segment
 * ({@code secret/peve/azure-blob} reads {@code GET /v1/secret/data/peve/azure-blob} on KV v2).
 *
 * <p><b>Credentials</b>, first match wins:
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
 * Missing credentials are reported by the constructor, naming the variables to set; no network call
 * happens before the first {@link #read}, which logs in once.
 *
 * <p><b>Reads.</b> Each path is read at most once per client: the secret, or the failure, is cached.
 * The driver returns Vault's 403 and 404 answers instead of throwing, so the status is checked here.
 * 5xx answers and transport failures are retried by the driver ({@link HttpSettings#maxAttempts()}
 * attempts, {@link HttpSettings#initialBackoff()} apart). A failure that concerns one path only
 * (denied, absent, wrong KV version) is a {@link VaultPathException}; any other failure (unreachable,
 * login refused, sealed) is a plain {@link CccException} and is then returned by every later read
 * without asking Vault again.
 *
 * <p>No message built here contains a secret value, the token or a login credential.
 */
public final class VaultClient implements SecretSource {

    public static final String VAULT_ADDR = "VAULT_ADDR";
    public static final String VAULT_NAMESPACE = "VAULT_NAMESPACE";
    public static final String VAULT_TOKEN = "VAULT_TOKEN";
    public static final String VAULT_ROLE_ID = "VAULT_ROLE_ID";
    public static final String VAULT_SECRET_ID = "VAULT_SECRET_ID";
    public static final String ACTIONS_ID_TOKEN_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    public static final String ACTIONS_ID_TOKEN_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    /** The driver logs namespace bindings at INFO through java.util.logging, i.e. on stderr. */
    private static final Logger DRIVER_LOGGER = Logger.getLogger("io.github.jopenlibs.vault");

    static {
        DRIVER_LOGGER.setLevel(Level.WARNING);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVER_TEXT = 400;
    private static final String UNAVAILABLE = " Vault answers 503 when it is sealed, in maintenance or without an"
            + " active node: try again later, or ask the Vault operators.";
    private static final String KV2_INVALID_PATH = "Invalid path for a versioned K/V secrets engine";

    private final String address;
    private final String addressSource;
    private final String namespace;
    private final int kvVersion;
    private final HttpSettings http;
    private final Credentials credentials;
    private final HttpClient httpClient;
    /** Login credentials, the token and every value read: scrubbed from whatever Vault says back. */
    private final SecretRegistry scrubber = new SecretRegistry();
    private final Map<String, Map<String, String>> secrets = new HashMap<>();
    private final Map<String, VaultPathException> pathFailures = new HashMap<>();

    private VaultConfig config;
    private Vault vault;
    private CccException fatal;

    private sealed interface Credentials permits Token, AppRole, Jwt {
    }

    private record Token(String token, String source) implements Credentials {
        @Override
        public String toString() {
            return "Token[" + source + "]";
        }
    }

    private record AppRole(String mount, String roleId, String secretId) implements Credentials {
        @Override
        public String toString() {
            return "AppRole[" + mount + "]";
        }
    }

    private record Jwt(String mount, String role, String audience, String requestUrl, String requestToken)
            implements Credentials {
        @Override
        public String toString() {
            return "Jwt[" + mount + ", " + role + "]";
        }
    }

    /** The driver must not read the process environment or ~/.vault-token on its own. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    }

    /**
     * @param settings the environment's {@code vault} block of ccc.yaml
     * @param env      the process environment (the variables named in the class comment)
     * @param http     timeouts and retry bounds
     * @throws CccException when no address is known or the chosen auth method lacks its credentials
     */
    public VaultClient(VaultSettings settings, Map<String, String> env, HttpSettings http) {
        this(settings, env, http, defaultTokenFile());
    }

    /** As above, with the token file of {@code auth: token} given ({@code null}: none). */
    VaultClient(VaultSettings settings, Map<String, String> env, HttpSettings http, Path tokenFile) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(env, "env");
        this.http = Objects.requireNonNull(http, "http");
        String fromEnv = nonBlank(env.get(VAULT_ADDR));
        String rawAddress = fromEnv != null ? fromEnv : nonBlank(settings.address());
        this.addressSource = fromEnv != null ? VAULT_ADDR : "vault.address in ccc.yaml";
        if (rawAddress == null) {
            throw new CccException("no Vault address: set " + VAULT_ADDR
                    + ", or vault.address for this environment in ccc.yaml.");
        }
        this.address = checkAddress(rawAddress.trim(), addressSource);
        String ns = nonBlank(env.get(VAULT_NAMESPACE));
        this.namespace = ns != null ? ns.trim() : nonBlank(settings.namespace());
        this.kvVersion = settings.kvVersion() == 1 ? 1 : 2;
        this.credentials = credentials(settings, env, tokenFile);
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(http.connectTimeout())
                // A redirect would carry X-Vault-Token to wherever it points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The Vault address in use (VAULT_ADDR or vault.address), without a trailing slash. */
    public String address() {
        return address;
    }

    /** The Vault Enterprise namespace sent with every request, or null. */
    public String namespace() {
        return namespace;
    }

    public int kvVersion() {
        return kvVersion;
    }

    /** How this client authenticates, for messages: "VAULT_TOKEN", "jwt login as role 'x'"... */
    public String authDescription() {
        if (credentials instanceof Token t) {
            return "token from " + t.source();
        } else if (credentials instanceof AppRole a) {
            return "AppRole login at auth/" + a.mount() + " (" + VAULT_ROLE_ID + ")";
        } else {
            Jwt j = (Jwt) credentials;
            return "GitHub Actions OIDC login at auth/" + j.mount() + " as role '" + j.role() + "'";
        }
    }

    @Override
    public synchronized Map<String, String> read(String path) {
        if (fatal != null) {
            throw fatal;
        }
        String normalized = normalize(path);
        Map<String, String> cached = secrets.get(normalized);
        if (cached != null) {
            return cached;
        }
        VaultPathException failed = pathFailures.get(normalized);
        if (failed != null) {
            throw failed;
        }
        try {
            Map<String, String> data = Collections.unmodifiableMap(fetch(normalized));
            secrets.put(normalized, data);
            return data;
        } catch (VaultPathException e) {
            pathFailures.put(normalized, e);
            throw e;
        } catch (CccException e) {
            fatal = e;
            throw e;
        }
    }

    // ---------------------------------------------------------------- reading

    private Map<String, String> fetch(String path) {
        Vault driver = vault();
        String api = apiPath(path);
        LogicalResponse response;
        try {
            response = driver.logical().read(path);
        } catch (VaultException e) {
            throw readFailed(path, api, e);
        }
        RestResponse rest = response.getRestResponse();
        int status = rest.getStatus();
        JsonNode body = parse(rest.getBody());
        if (kvVersion == 1 && status >= 400 && status < 500 && mentions(body, KV2_INVALID_PATH)) {
            throw new VaultPathException(path, "Vault says the mount '" + mount(path) + "' is a versioned (KV"
                    + " version 2) engine, but this environment reads KV version 1 (HTTP " + status + " on GET /v1/"
                    + api + ", reading " + path + "): set vault.kv_version: 2 (or remove kv_version: 1) in ccc.yaml.");
        }
        return switch (status) {
            case 200 -> values(path, api, body);
            case 401, 403 -> throw denied(path, api, status, body);
            case 404 -> throw notFound(path, api, body);
            default -> throw new VaultPathException(path, "Vault answered HTTP " + status + " to GET /v1/" + api
                    + " (reading " + path + ")" + serverErrors(body) + ".");
        };
    }

    private Map<String, String> values(String path, String api, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new CccException("Vault at " + address + " answered GET /v1/" + api
                    + " with something that is not a JSON object: check that " + addressSource
                    + " points at Vault itself, not at a proxy or a login page.");
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has no 'data' object, so it holds no KV secret.");
        }
        String mount = mount(path);
        if (kvVersion == 2) {
            JsonNode inner = data.get("data");
            if (inner != null && inner.isObject()) {
                return flatten(inner);
            }
            JsonNode metadata = data.get("metadata");
            if (metadata != null && metadata.isObject()) {
                throw deletedOrEmpty(path, api, metadata);
            }
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has the shape of a KV version 1 secret ({\"data\": {...}} without data.data and"
                    + " data.metadata), not version 2: if the mount '" + mount + "' is a KV v1 engine, set"
                    + " vault.kv_version: 1 for this environment in ccc.yaml.");
        }
        if (looksLikeKv2(data)) {
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has the shape of a KV version 2 secret ({\"data\": {\"data\": ..., \"metadata\": ...}}),"
                    + " but this environment reads KV version 1: if the mount '" + mount + "' is a KV v2 engine,"
                    + " set vault.kv_version: 2 (or remove kv_version: 1) in ccc.yaml"
                    + (hasDataSegment(path) ? " and write the path without its 'data/' segment (ccc adds it)" : "")
                    + ".");
        }
        return flatten(data);
    }

    private VaultPathException deletedOrEmpty(String path, String api, JsonNode metadata) {
        String deletion = metadata.path("deletion_time").asText("");
        boolean destroyed = metadata.path("destroyed").asBoolean(false);
        if (destroyed || !deletion.isEmpty()) {
            return new VaultPathException(path, "the latest version of the Vault secret " + path + " (GET /v1/"
                    + api + ") is " + (destroyed ? "destroyed" : "deleted (at " + deletion + ")")
                    + ": write a new version" + (destroyed ? "" : " or undelete it (vault kv undelete)") + ".");
        }
        return new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                + ") has metadata but no data.");
    }

    private VaultPathException denied(String path, String api, int status, JsonNode body) {
        return new VaultPathException(path, "Vault denied reading " + path + " (HTTP " + status + " on GET /v1/"
                + api + serverErrors(body) + "): the token's policy must grant read on " + api
                + " (path \"" + api + "\" { capabilities = [\"read\"] }). Authenticated by " + authDescription()
                + "." + namespaceNote());
    }

    private VaultPathException notFound(String path, String api, JsonNode body) {
        String mount = mount(path);
        if (kvVersion == 2 && body != null) {
            JsonNode metadata = body.path("data").path("metadata");
            if (metadata.isObject() && (metadata.path("destroyed").asBoolean(false)
                    || !metadata.path("deletion_time").asText("").isEmpty())) {
                return deletedOrEmpty(path, api, metadata);
            }
        }
        StringBuilder message = new StringBuilder("Vault has no secret at " + path + " (HTTP 404 on GET /v1/"
                + api + ")" + serverErrors(body) + ": check the path in the ${vault:...} reference.");
        if (kvVersion == 2) {
            if (hasDataSegment(path)) {
                message.append(" Write the path without its 'data/' segment: ccc inserts it for KV version 2.");
            }
            message.append(" If the mount '").append(mount).append("' is a KV version 1 engine, set")
                    .append(" vault.kv_version: 1 for this environment in ccc.yaml.");
        }
        message.append(namespaceNote());
        return new VaultPathException(path, message.toString());
    }

    private CccException readFailed(String path, String api, VaultException e) {
        Throwable transport = transportCause(e);
        if (transport != null) {
            return unreachable(transport);
        }
        int status = e.getHttpStatusCode();
        if (status == 0) {
            if (causedBy(e, URISyntaxException.class)) {
                return new VaultPathException(path, "the Vault path '" + path + "' cannot be sent in a URL:"
                        + " it contains characters such as spaces that a Vault path should not have.");
            }
            return new CccException("reading " + path + " from Vault at " + address + " failed: "
                    + rootClass(e) + ".");
        }
        String errors = serverErrors(parse(responseBody(e)));
        String base = "Vault at " + address + " answered HTTP " + status + " to GET /v1/" + api + " (reading "
                + path + ") " + onAttempts() + errors + ".";
        return new CccException(status == 503 ? base + UNAVAILABLE : base);
    }

    private Map<String, String> flatten(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value == null || value.isNull()) {
                return;
            }
            String text = value.isValueNode() ? value.asText() : value.toString();
            scrubber.register(text);
            values.put(field.getKey(), text);
        });
        return values;
    }

    private static boolean looksLikeKv2(JsonNode data) {
        JsonNode inner = data.get("data");
        JsonNode metadata = data.get("metadata");
        return data.size() == 2 && metadata != null && metadata.isObject()
                && inner != null && (inner.isObject() || inner.isNull());
    }

    // ---------------------------------------------------------------- logging in

    private Vault vault() {
        if (vault != null) {
            return vault;
        }
        try {
            config = new VaultConfig()
                    .environmentLoader(new NoEnvironment())
                    .address(address)
                    .engineVersion(kvVersion)
                    .openTimeout(seconds(http.connectTimeout()))
                    .readTimeout(seconds(http.readTimeout()))
                    .httpClient(httpClient);
            if (namespace != null) {
                config.nameSpace(namespace);
            }
            config.build();
        } catch (VaultException e) {
            throw new CccException("cannot configure the Vault client for " + address + ": " + scrub(e.getMessage()));
        }
        Vault created = Vault.create(config, kvVersion)
                .withRetries(attempts() - 1, (int) Math.min(Integer.MAX_VALUE, http.initialBackoff().toMillis()));
        String token = login(created);
        scrubber.register(token);
        config.token(token);
        vault = created;
        return vault;
    }

    private String login(Vault driver) {
        if (credentials instanceof Token t) {
            return t.token();
        }
        if (credentials instanceof AppRole a) {
            String operation = "Vault AppRole login at " + address + "/v1/auth/" + a.mount() + "/login";
            try {
                return clientToken(driver.auth().loginByAppRole(a.mount(), a.roleId(), a.secretId()), operation);
            } catch (VaultException e) {
                throw loginFailed(operation, e, "Check " + VAULT_ROLE_ID + " and " + VAULT_SECRET_ID
                        + " (a secret id may have expired or be single-use), and vault.auth_mount if the AppRole"
                        + " engine is not mounted at 'approle'.");
            }
        }
        Jwt j = (Jwt) credentials;
        String jwt = githubIdToken(j);
        scrubber.register(jwt);
        String operation = "Vault JWT login at " + address + "/v1/auth/" + j.mount() + "/login as role '"
                + j.role() + "'";
        try {
            return clientToken(driver.auth().loginByJwt("jwt", j.role(), jwt, "auth/" + j.mount()), operation);
        } catch (VaultException e) {
            String audience = j.audience() == null
                    ? " match GitHub's default audience (the repository owner's URL, https://github.com/<owner>;"
                    + " set vault.audience to request another)"
                    : " include '" + j.audience() + "' (vault.audience)";
            throw loginFailed(operation, e, "Check that role '" + j.role() + "' exists under auth/" + j.mount()
                    + " (vault.auth_mount), that its bound_audiences" + audience + ", and that its bound_claims"
                    + " or bound_subject match this workflow (repository, ref, environment).");
        }
    }

    private String clientToken(AuthResponse response, String operation) {
        String token = response.getAuthClientToken();
        if (token == null || token.isBlank()) {
            throw new CccException(operation + " answered without auth.client_token.");
        }
        return token;
    }

    private CccException loginFailed(String operation, VaultException e, String hint) {
        Throwable transport = transportCause(e);
        if (transport != null) {
            return unreachable(transport);
        }
        int status = e.getHttpStatusCode();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Vault responded with MIME type:")) {
            return new CccException(operation + " failed: the answer is "
                    + scrub(message.substring("Vault responded with MIME type:".length()).trim())
                    + ", not application/json: check that " + addressSource + " points at Vault itself.");
        }
        if (status == 0) {
            return new CccException(operation + " failed: Vault's answer could not be understood ("
                    + rootClass(e) + ").");
        }
        String errors = serverErrors(parse(responseBody(e)));
        if (status >= 500) {
            return new CccException(operation + " failed: HTTP " + status + " " + onAttempts() + errors + "."
                    + (status == 503 ? UNAVAILABLE : ""));
        }
        return new CccException(operation + " failed: HTTP " + status + errors + ". " + hint + namespaceNote());
    }

    private String githubIdToken(Jwt j) {
        String url = j.requestUrl();
        if (j.audience() != null) {
            url += (url.contains("?") ? "&" : "?") + "audience=" + URLEncoder.encode(j.audience(), StandardCharsets.UTF_8);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(http.readTimeout())
                    .header("Authorization", "bearer " + j.requestToken())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CccException(ACTIONS_ID_TOKEN_REQUEST_URL + " is not a usable http(s) URL.");
        }
        String endpoint = "the GitHub Actions OIDC token endpoint (" + ACTIONS_ID_TOKEN_REQUEST_URL + ")";
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= attempts();
            try {
                HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if ((status >= 500 || status == 429) && !last) {
                    pause();
                    continue;
                }
                if (status != 200) {
                    throw new CccException(endpoint + " answered HTTP " + status + " to the ID token request."
                            + (status == 401 || status == 403
                            ? " Check that the job has 'permissions: id-token: write' and that "
                            + ACTIONS_ID_TOKEN_REQUEST_TOKEN + " belongs to this job."
                            : ""));
                }
                JsonNode body = parse(response.body().getBytes(StandardCharsets.UTF_8));
                JsonNode value = body == null ? null : body.get("value");
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    throw new CccException(endpoint + " answered without an ID token ({\"value\": \"<jwt>\"} expected).");
                }
                return value.asText();
            } catch (IOException e) {
                if (last) {
                    throw new CccException("cannot reach " + endpoint + ": " + describeTransport(e) + ".", e);
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CccException("interrupted while requesting the GitHub Actions OIDC token.");
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(http.initialBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CccException("interrupted while waiting to retry.");
        }
    }

    // ---------------------------------------------------------------- credentials

    private Credentials credentials(VaultSettings settings, Map<String, String> env, Path tokenFile) {
        String token = nonBlank(env.get(VAULT_TOKEN));
        if (token != null) {
            scrubber.register(token);
            return new Token(token.trim(), VAULT_TOKEN);
        }
        VaultSettings.AuthMethod method = settings.auth() == null ? VaultSettings.AuthMethod.TOKEN : settings.auth();
        switch (method) {
            case TOKEN -> {
                String fromFile = readTokenFile(tokenFile);
                if (fromFile != null) {
                    scrubber.register(fromFile);
                    return new Token(fromFile, tokenFile.toString());
                }
                throw new CccException("Vault auth 'token' needs a token: set " + VAULT_TOKEN
                        + " (for example: export VAULT_TOKEN=$(vault print token))"
                        + (tokenFile == null ? "." : ", or run 'vault login' so that " + tokenFile + " exists."));
            }
            case APPROLE -> {
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
                scrubber.register(roleId);
                scrubber.register(secretId);
                return new AppRole(mountOr(settings.authMount(), "approle"), roleId.trim(), secretId.trim());
            }
            default -> {
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
                scrubber.register(requestToken);
                return new Jwt(mountOr(settings.authMount(), "jwt"), role.trim(), nonBlank(settings.audience()),
                        url.trim(), requestToken.trim());
            }
        }
    }

    private static String readTokenFile(Path tokenFile) {
        if (tokenFile == null || !Files.isRegularFile(tokenFile)) {
            return null;
        }
        try {
            return nonBlank(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path defaultTokenFile() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".vault-token");
    }

    // ---------------------------------------------------------------- helpers

    private CccException unreachable(Throwable transport) {
        return new CccException("cannot reach Vault at " + address + " (" + describeTransport(transport) + ", "
                + attempts() + " attempt" + (attempts() == 1 ? "" : "s") + "): check " + addressSource
                + ", that this machine can reach it (VPN, firewall, proxy) and, for https, that Java trusts"
                + " Vault's certificate.", transport);
    }

    private String describeTransport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out after " + http.connectTimeout().toSeconds() + " s";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + http.readTimeout().toSeconds() + " s";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SSLException) {
                return "TLS failure: " + scrub(String.valueOf(t.getMessage()));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + scrub(root.getMessage()));
    }

    private static Throwable transportCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UnresolvedAddressException) {
                return t;
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootClass(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** The driver puts the response body in its exception message, after "Response body: ". */
    private static byte[] responseBody(VaultException e) {
        String message = e.getMessage();
        int at = message == null ? -1 : message.indexOf("Response body: ");
        return at < 0 ? null : message.substring(at + "Response body: ".length()).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null; // never echo the parser's message: it quotes the body
        }
    }

    /** ": <Vault's errors>", scrubbed and shortened, or "" when Vault gave none. */
    private String serverErrors(JsonNode body) {
        if (body == null) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        body.path("errors").forEach(e -> {
            if (e.isTextual() && !e.asText().isBlank()) {
                texts.add(e.asText().trim());
            }
        });
        if (texts.isEmpty()) {
            return "";
        }
        String joined = scrub(String.join("; ", texts)).replaceAll("\\s+", " ");
        return ": " + (joined.length() > MAX_SERVER_TEXT ? joined.substring(0, MAX_SERVER_TEXT) + "..." : joined);
    }

    private static boolean mentions(JsonNode body, String text) {
        if (body == null) {
            return false;
        }
        for (String field : List.of("errors", "warnings")) {
            for (JsonNode item : body.path(field)) {
                if (item.asText("").contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String namespaceNote() {
        return namespace != null
                ? " Requests go to Vault namespace '" + namespace + "'."
                : " No namespace was sent: if the secret lives in a Vault Enterprise namespace, set vault.namespace"
                + " or " + VAULT_NAMESPACE + ".";
    }

    private String scrub(String text) {
        return scrubber.scrub(text);
    }

    private String onAttempts() {
        return attempts() == 1 ? "on its only attempt" : "on all " + attempts() + " attempts";
    }

    private int attempts() {
        return Math.max(1, http.maxAttempts());
    }

    private String apiPath(String path) {
        if (kvVersion == 1) {
            return path;
        }
        int slash = path.indexOf('/');
        return path.substring(0, slash) + "/data" + path.substring(slash);
    }

    private static String mount(String path) {
        return path.substring(0, path.indexOf('/'));
    }

    private static boolean hasDataSegment(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 && segments[1].equals("data");
    }

    private static String normalize(String path) {
        String trimmed = path == null ? "" : path.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || !trimmed.contains("/") || trimmed.contains("//")) {
            throw new VaultPathException(String.valueOf(path), "the Vault path '" + path + "' does not name a secret:"
                    + " write <mount>/<path>, e.g. secret/peve/azure-blob (the KV mount comes first).");
        }
        return trimmed;
    }

    private static String checkAddress(String address, String source) {
        String trimmed = address;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        boolean ok = trimmed.startsWith("http://") || trimmed.startsWith("https://");
        if (ok) {
            try {
                URI uri = new URI(trimmed);
                ok = uri.getHost() != null;
            } catch (URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new CccException("the Vault address '" + address + "' (from " + source
                    + ") is not an http(s) URL: write it as https://host:8200.");
        }
        return trimmed;
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

    private static Integer seconds(Duration duration) {
        long millis = duration.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
