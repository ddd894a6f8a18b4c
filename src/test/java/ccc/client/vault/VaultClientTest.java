package ccc.client.vault;

import static ccc.client.vault.VaultTestSupport.FAST;
import static ccc.client.vault.VaultTestSupport.SHORT_TIMEOUTS;
import static ccc.client.vault.VaultTestSupport.assertContains;
import static ccc.client.vault.VaultTestSupport.canary;
import static ccc.client.vault.VaultTestSupport.fails;
import static ccc.client.vault.VaultTestSupport.settings;
import static ccc.client.vault.VaultTestSupport.withKv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.config.VaultSettings;
import ccc.config.VaultSettings.AuthMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VaultClient, over real HTTP, against a fake Vault on MockWebServer. */
class VaultClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOB = "secret/peve/azure-blob";
    private static final String BLOB_API = "/v1/secret/data/peve/azure-blob";

    private final String accountKey = canary();
    private final String accountName = canary();
    private final String legacyPassword = canary();

    private MockWebServer server;
    private FakeVault fake;
    private String address;
    /** Every secret the fake knows: none may show in any exception. */
    private List<String> secrets;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeVault();
        Map<String, Object> blob = new LinkedHashMap<>();
        blob.put("account_key", accountKey);
        blob.put("account_name", accountName);
        fake.secret(BLOB, blob);
        fake.secret("kv1/peve/legacy", Map.of("password", legacyPassword));
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        address = server.url("/").toString();
        secrets = List.of(accountKey, accountName, legacyPassword, fake.secretId, fake.jwt, fake.issuedToken,
                fake.oidcRequestToken);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VaultClient client(VaultSettings settings, Map<String, String> env) {
        return new VaultClient(settings, env, FAST, null);
    }

    private Map<String, String> tokenEnv() {
        return Map.of("VAULT_TOKEN", fake.issuedToken);
    }

    // ------------------------------------------------------------------ token

    @Test
    void tokenAuthReadsKv2SecretAtMountDataPath() throws Exception {
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        Map<String, String> secret = client.read(BLOB);

        assertEquals(Map.of("account_key", accountKey, "account_name", accountName), secret);
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals(BLOB_API, request.getUrl().encodedPath());
        assertEquals(fake.issuedToken, request.getHeaders().get("X-Vault-Token"));
        assertNull(request.getHeaders().get("X-Vault-Namespace"));
        assertEquals(1, server.getRequestCount(), "no login for a token");
    }

    @Test
    void kvVersion1ReadsThePathAsIs() {
        VaultClient client = client(withKv(settings(address, AuthMethod.TOKEN), 1), tokenEnv());

        assertEquals(Map.of("password", legacyPassword), client.read("kv1/peve/legacy"));
        assertEquals(1, fake.requestsTo("/v1/kv1/peve/legacy").size());
    }

    @Test
    void nonStringValuesComeBackAsText() {
        Map<String, Object> mixed = new LinkedHashMap<>();
        mixed.put("port", 5432);
        mixed.put("tls", true);
        mixed.put("nested", Map.of("a", "b"));
        mixed.put("nothing", null);
        fake.secret("secret/peve/mixed", mixed);

        Map<String, String> secret = client(settings(address, AuthMethod.TOKEN), tokenEnv()).read("secret/peve/mixed");

        assertEquals("5432", secret.get("port"));
        assertEquals("true", secret.get("tls"));
        assertEquals("{\"a\":\"b\"}", secret.get("nested"));
        assertFalse(secret.containsKey("nothing"));
    }

    @Test
    void vaultAddrFromTheEnvironmentWinsOverCccYaml() throws IOException {
        int closed = closedPort();
        Map<String, String> env = new HashMap<>(tokenEnv());
        env.put("VAULT_ADDR", address);

        VaultClient client = client(settings("http://127.0.0.1:" + closed, AuthMethod.TOKEN), env);

        assertEquals(server.url("/").toString().replaceAll("/$", ""), client.address());
        assertEquals(accountKey, client.read(BLOB).get("account_key"));
    }

    @Test
    void tokenAuthFallsBackToTheVaultTokenFile(@TempDir Path dir) throws IOException {
        Path tokenFile = dir.resolve(".vault-token");
        Files.writeString(tokenFile, fake.issuedToken + "\n");

        VaultClient client = new VaultClient(settings(address, AuthMethod.TOKEN), Map.of(), FAST, tokenFile);

        assertEquals(accountKey, client.read(BLOB).get("account_key"));
        assertEquals(fake.issuedToken, fake.requestsTo(BLOB_API).get(0).getHeaders().get("X-Vault-Token"));
    }

    @Test
    void vaultTokenWinsOverTheTokenFile(@TempDir Path dir) throws IOException {
        Path tokenFile = dir.resolve(".vault-token");
        Files.writeString(tokenFile, "stale-token-from-file");

        new VaultClient(settings(address, AuthMethod.TOKEN), tokenEnv(), FAST, tokenFile).read(BLOB);

        assertEquals(fake.issuedToken, fake.requestsTo(BLOB_API).get(0).getHeaders().get("X-Vault-Token"));
    }

    @Test
    void missingTokenNamesVaultToken(@TempDir Path dir) {
        CccException e = fails(() -> new VaultClient(settings(address, AuthMethod.TOKEN), Map.of(), FAST,
                dir.resolve(".vault-token")), secrets);

        assertContains(e.getMessage(), "VAULT_TOKEN", "vault login", ".vault-token");
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------ approle

    @Test
    void approleLogsInThenReadsWithTheIssuedToken() throws Exception {
        Map<String, String> env = Map.of("VAULT_ROLE_ID", fake.roleId, "VAULT_SECRET_ID", fake.secretId);
        VaultClient client = client(settings(address, AuthMethod.APPROLE), env);

        assertEquals(accountKey, client.read(BLOB).get("account_key"));

        RecordedRequest login = server.takeRequest();
        assertEquals("POST", login.getMethod());
        assertEquals("/v1/auth/approle/login", login.getUrl().encodedPath());
        JsonNode body = JSON.readTree(login.getBody().utf8());
        assertEquals(fake.roleId, body.path("role_id").asText());
        assertEquals(fake.secretId, body.path("secret_id").asText());
        RecordedRequest read = server.takeRequest();
        assertEquals(BLOB_API, read.getUrl().encodedPath());
        assertEquals(fake.issuedToken, read.getHeaders().get("X-Vault-Token"));
    }

    @Test
    void approleUsesTheConfiguredAuthMount() {
        fake.approleMount = "ccc-approle";
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.APPROLE, null, null, "ccc-approle", 2);
        Map<String, String> env = Map.of("VAULT_ROLE_ID", fake.roleId, "VAULT_SECRET_ID", fake.secretId);

        client(settings, env).read(BLOB);

        assertEquals(1, fake.requestsTo("/v1/auth/ccc-approle/login").size());
        assertTrue(fake.requestsTo("/v1/auth/approle/login").isEmpty());
    }

    @Test
    void approleLoginRefusedSaysWhatToCheck() {
        Map<String, String> env = Map.of("VAULT_ROLE_ID", fake.roleId, "VAULT_SECRET_ID", "wrong-" + fake.secretId);
        VaultClient client = client(settings(address, AuthMethod.APPROLE), env);

        CccException e = fails(() -> client.read(BLOB), List.of(env.get("VAULT_SECRET_ID"), fake.secretId));

        assertContains(e.getMessage(), "AppRole login", "/v1/auth/approle/login", "HTTP 400",
                "invalid role or secret ID", "VAULT_ROLE_ID", "VAULT_SECRET_ID");
        assertFalse(e instanceof VaultPathException, "a login failure concerns every path");
    }

    @Test
    void aRefusedLoginIsSentOnceAndNotRetriedByLaterReads() {
        Map<String, String> env = Map.of("VAULT_ROLE_ID", fake.roleId, "VAULT_SECRET_ID", "wrong-" + fake.secretId);
        VaultClient client = client(settings(address, AuthMethod.APPROLE), env);

        CccException e = fails(() -> client.read(BLOB), secrets);
        CccException again = fails(() -> client.read("secret/peve/other"), secrets);

        assertSame(e, again);
        assertEquals(1, fake.requestsTo("/v1/auth/approle/login").size(), "a 400 is an answer, not a reason to retry");
    }

    @Test
    void approleMissingSecretIdNamesIt() {
        CccException e = fails(() -> client(settings(address, AuthMethod.APPROLE),
                Map.of("VAULT_ROLE_ID", fake.roleId)), secrets);

        assertContains(e.getMessage(), "VAULT_ROLE_ID and VAULT_SECRET_ID", "not set: VAULT_SECRET_ID");
        assertFalse(e.getMessage().contains("not set: VAULT_ROLE_ID"));
    }

    // ------------------------------------------------------------------ jwt (GitHub Actions OIDC)

    private Map<String, String> actionsEnv() {
        return Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", server.url("/oidc/token?api-version=2.0").toString(),
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", fake.oidcRequestToken);
    }

    @Test
    void jwtFetchesTheGithubTokenWithAudienceThenLogsIn() throws Exception {
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, fake.jwtRole,
                "https://vault.example.internal", null, 2);

        assertEquals(accountKey, client(settings, actionsEnv()).read(BLOB).get("account_key"));

        RecordedRequest oidc = server.takeRequest();
        assertEquals("GET", oidc.getMethod());
        assertEquals("/oidc/token", oidc.getUrl().encodedPath());
        assertEquals("2.0", oidc.getUrl().queryParameter("api-version"));
        assertEquals("https://vault.example.internal", oidc.getUrl().queryParameter("audience"));
        assertEquals("bearer " + fake.oidcRequestToken, oidc.getHeaders().get("Authorization"));

        RecordedRequest login = server.takeRequest();
        assertEquals("POST", login.getMethod());
        assertEquals("/v1/auth/jwt/login", login.getUrl().encodedPath());
        JsonNode body = JSON.readTree(login.getBody().utf8());
        assertEquals(fake.jwtRole, body.path("role").asText());
        assertEquals(fake.jwt, body.path("jwt").asText());

        RecordedRequest read = server.takeRequest();
        assertEquals(BLOB_API, read.getUrl().encodedPath());
        assertEquals(fake.issuedToken, read.getHeaders().get("X-Vault-Token"));
    }

    @Test
    void jwtWithoutAudienceSendsNoneAndHonoursTheAuthMount() {
        fake.jwtMount = "github";
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, fake.jwtRole, null, "github", 2);

        client(settings, actionsEnv()).read(BLOB);

        RecordedRequest oidc = fake.requestsTo("/oidc/token").get(0);
        assertNull(oidc.getUrl().queryParameter("audience"));
        assertEquals(1, fake.requestsTo("/v1/auth/github/login").size());
    }

    @Test
    void jwtLoginRefusedNamesRoleAudienceAndClaims() {
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, "no-such-role", "aud-x", null, 2);

        CccException e = fails(() -> client(settings, actionsEnv()).read(BLOB), secrets);

        assertContains(e.getMessage(), "JWT login", "/v1/auth/jwt/login", "'no-such-role'", "HTTP 400",
                "could not be found", "bound_audiences", "'aud-x'", "bound_claims");
    }

    @Test
    void oidcEndpointRefusalPointsAtIdTokenPermission() {
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, fake.jwtRole, null, null, 2);
        Map<String, String> env = new HashMap<>(actionsEnv());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "wrong-" + fake.oidcRequestToken);

        CccException e = fails(() -> client(settings, env).read(BLOB),
                List.of(env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN"), fake.jwt));

        assertContains(e.getMessage(), "OIDC", "HTTP 401", "id-token: write");
        assertTrue(fake.requestsTo("/v1/auth/jwt/login").isEmpty());
    }

    @Test
    void jwtOutsideGithubActionsNamesTheVariables() {
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, fake.jwtRole, null, null, 2);

        CccException e = fails(() -> client(settings, Map.of()), secrets);

        assertContains(e.getMessage(), "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
                "id-token: write", "VAULT_TOKEN");
    }

    @Test
    void vaultTokenShortCircuitsJwtLogin() {
        VaultSettings settings = new VaultSettings(address, null, AuthMethod.JWT, fake.jwtRole, null, null, 2);

        VaultClient client = client(settings, tokenEnv());

        assertEquals(accountKey, client.read(BLOB).get("account_key"));
        assertEquals(1, server.getRequestCount(), "no OIDC request, no login");
        assertContains(client.authDescription(), "VAULT_TOKEN");
    }

    // ------------------------------------------------------------------ namespace

    @Test
    void namespaceFromTheEnvironmentWinsAndIsSentOnLoginAndRead() {
        VaultSettings settings = new VaultSettings(address, "bank", AuthMethod.JWT, fake.jwtRole, null, null, 2);
        Map<String, String> env = new HashMap<>(actionsEnv());
        env.put("VAULT_NAMESPACE", "bank/peve");

        VaultClient client = client(settings, env);
        client.read(BLOB);

        assertEquals("bank/peve", client.namespace());
        assertEquals("bank/peve", fake.requestsTo("/v1/auth/jwt/login").get(0).getHeaders().get("X-Vault-Namespace"));
        assertEquals("bank/peve", fake.requestsTo(BLOB_API).get(0).getHeaders().get("X-Vault-Namespace"));
        assertNull(fake.requestsTo("/oidc/token").get(0).getHeaders().get("X-Vault-Namespace"),
                "the namespace is Vault's business, not GitHub's");
    }

    @Test
    void namespaceFromCccYamlIsSent() {
        VaultSettings settings = new VaultSettings(address, "bank", AuthMethod.TOKEN, null, null, null, 2);

        client(settings, tokenEnv()).read(BLOB);

        assertEquals("bank", fake.requestsTo(BLOB_API).get(0).getHeaders().get("X-Vault-Namespace"));
    }

    // ------------------------------------------------------------------ read errors

    @Test
    void forbiddenNamesThePathAndThePolicyToGrant() {
        fake.secret("secret/peve/locked", Map.of("k", canary()));
        fake.deniedApiPaths.add("secret/data/peve/locked");
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        CccException e = fails(() -> client.read("secret/peve/locked"), secrets);

        VaultPathException path = assertInstanceOf(VaultPathException.class, e);
        assertEquals("secret/peve/locked", path.path());
        assertContains(e.getMessage(), "secret/peve/locked", "HTTP 403",
                "the token's policy must grant read on secret/data/peve/locked", "permission denied",
                "VAULT_TOKEN", "VAULT_NAMESPACE");
    }

    @Test
    void notFoundNamesThePathAndTheKvVersionHint() {
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        CccException e = fails(() -> client.read("secret/peve/nope"), secrets);

        assertInstanceOf(VaultPathException.class, e);
        assertContains(e.getMessage(), "no secret at secret/peve/nope", "HTTP 404",
                "GET /v1/secret/data/peve/nope", "kv_version: 1");
    }

    @Test
    void notFoundWithAHandWrittenDataSegmentSaysToDropIt() {
        CccException e = fails(() -> client(settings(address, AuthMethod.TOKEN), tokenEnv())
                .read("secret/data/peve/azure-blob"), secrets);

        assertContains(e.getMessage(), "without its 'data/' segment");
    }

    @Test
    void aDeletedLatestVersionIsNamedAsSuch() {
        fake.deleted.add("secret/peve/gone");

        CccException e = fails(() -> client(settings(address, AuthMethod.TOKEN), tokenEnv()).read("secret/peve/gone"),
                secrets);

        assertInstanceOf(VaultPathException.class, e);
        assertContains(e.getMessage(), "latest version of the Vault secret secret/peve/gone",
                "deleted (at 2026-02-01T00:00:00Z)", "vault kv undelete");
    }

    @Test
    void kv2ReadOfAKv1MountHintsAtKvVersion1() {
        // A KV v1 mount with a secret that happens to sit at data/...: the flat v1 shape comes back.
        fake.secret("kv1/data/peve/legacy", Map.of("password", legacyPassword));
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        CccException notFound = fails(() -> client.read("kv1/peve/other"), secrets);
        CccException flat = fails(() -> client.read("kv1/peve/legacy"), secrets);

        assertContains(notFound.getMessage(), "kv_version: 1");
        assertContains(flat.getMessage(), "KV version 1", "set vault.kv_version: 1", "'kv1'");
    }

    @Test
    void kv1ReadOfAKv2MountHintsAtKvVersion2() {
        VaultClient client = client(withKv(settings(address, AuthMethod.TOKEN), 1), tokenEnv());

        CccException e = fails(() -> client.read(BLOB), secrets);

        assertInstanceOf(VaultPathException.class, e);
        assertContains(e.getMessage(), "'secret' is a versioned (KV version 2)", "set vault.kv_version: 2");
        assertEquals(1, fake.requestsTo("/v1/secret/peve/azure-blob").size());
    }

    @Test
    void kv1ReadThatGetsAKv2ShapedAnswerHintsAtKvVersion2() {
        VaultClient client = client(withKv(settings(address, AuthMethod.TOKEN), 1), tokenEnv());

        CccException e = fails(() -> client.read("secret/data/peve/azure-blob"), secrets);

        assertContains(e.getMessage(), "shape of a KV version 2 secret", "set vault.kv_version: 2",
                "without its 'data/' segment");
    }

    @Test
    void unavailableTwiceThenServedIsRetried() {
        fake.unavailable.put("secret/data/peve/azure-blob", 2);

        Map<String, String> secret = client(settings(address, AuthMethod.TOKEN), tokenEnv()).read(BLOB);

        assertEquals(accountKey, secret.get("account_key"));
        assertEquals(3, fake.requestsTo(BLOB_API).size());
    }

    @Test
    void sealedVaultFailsClearlyAfterTheRetriesAndIsNotAskedAgain() {
        fake.sealed = true;
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        CccException e = fails(() -> client.read(BLOB), secrets);
        CccException again = fails(() -> client.read("secret/peve/other"), secrets);

        assertFalse(e instanceof VaultPathException);
        assertContains(e.getMessage(), "HTTP 503", "on all 3 attempts: Vault is sealed", "try again later");
        assertSame(e, again, "Vault itself failed: other paths are not tried");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void unreachableVaultNamesTheAddressAndWhatToCheck() throws IOException {
        String dead = "http://127.0.0.1:" + closedPort();
        VaultClient client = client(settings(dead, AuthMethod.TOKEN), tokenEnv());

        CccException e = fails(() -> client.read(BLOB), secrets);

        assertContains(e.getMessage(), "cannot reach Vault at " + dead, "connection refused", "3 attempts",
                "vault.address", "VPN");
    }

    @Test
    void aVaultThatNeverAnswersFailsWithinTheDeadline() {
        fake.hung = true;
        VaultClient client = new VaultClient(settings(address, AuthMethod.TOKEN), tokenEnv(), SHORT_TIMEOUTS, null);

        // 500 ms to connect + 500 ms to read = a 1 s deadline; 10 s only guards against a hang of the test itself.
        CccException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fails(() -> client.read(BLOB), secrets));
        CccException again = fails(() -> client.read("secret/peve/other"), secrets);

        assertFalse(e instanceof VaultPathException, "a hung Vault concerns every path");
        assertContains(e.getMessage(), "Vault at " + client.address() + " did not answer within 1 s",
                "connect timeout 500 ms, read timeout 500 ms", "vault.address", "VPN");
        assertSame(e, again, "a hung Vault is not asked again");
        assertTrue(fake.requestsTo(BLOB_API).size() <= 3, "attempts: " + fake.requestsTo(BLOB_API).size());
    }

    @Test
    void concurrentReadsLogInOnceAndShareOneRequestPerPath() throws Exception {
        for (int i = 0; i < 8; i++) {
            fake.secret("secret/peve/p" + i, Map.of("k", canary()));
        }
        fake.delayMillis = 100;
        Map<String, String> env = Map.of("VAULT_ROLE_ID", fake.roleId, "VAULT_SECRET_ID", fake.secretId);
        VaultClient client = client(settings(address, AuthMethod.APPROLE), env);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String own = "secret/peve/p" + i;
                reads.add(threads.submit(() -> {
                    start.await();
                    client.read(BLOB);
                    return client.read(own);
                }));
            }
            start.countDown();
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, fake.requestsTo("/v1/auth/approle/login").size(), "one login for every thread");
        assertEquals(1, fake.requestsTo(BLOB_API).size(), "one request for a path read by every thread");
        assertTrue(fake.maxInFlight() >= 2, "reads overlap: at most " + fake.maxInFlight() + " in flight");
    }

    @Test
    void eachPathIsReadOnceWhateverItsSpelling() {
        fake.deniedApiPaths.add("secret/data/peve/locked");
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        for (int i = 0; i < 5; i++) {
            client.read(BLOB);
            client.read("/" + BLOB + "/");
        }
        List<CccException> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failures.add(fails(() -> client.read("secret/peve/locked"), secrets));
        }

        assertEquals(1, fake.requestsTo(BLOB_API).size());
        assertEquals(1, fake.requestsTo("/v1/secret/data/peve/locked").size());
        assertEquals(failures.get(0).getMessage(), failures.get(2).getMessage());
    }

    @Test
    void aPathWithoutASecretNameIsRefusedWithoutAsking() {
        VaultClient client = client(settings(address, AuthMethod.TOKEN), tokenEnv());

        CccException e = fails(() -> client.read("secret"), secrets);

        assertContains(e.getMessage(), "<mount>/<path>");
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void noAddressNamesVaultAddr() {
        CccException e = fails(() -> client(VaultSettings.DEFAULT, tokenEnv()), secrets);

        assertContains(e.getMessage(), "VAULT_ADDR", "vault.address");
    }

    @Test
    void aVaultAddrThatIsNotAUrlIsRefused() {
        CccException e = fails(() -> client(settings(address, AuthMethod.TOKEN),
                Map.of("VAULT_ADDR", "vault.example.internal:8200", "VAULT_TOKEN", fake.issuedToken)), secrets);

        assertContains(e.getMessage(), "'vault.example.internal:8200'", "from VAULT_ADDR", "https://");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
