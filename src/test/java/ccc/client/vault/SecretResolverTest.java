package ccc.client.vault;

import static ccc.client.vault.VaultTestSupport.FAST;
import static ccc.client.vault.VaultTestSupport.SHORT_TIMEOUTS;
import static ccc.client.vault.VaultTestSupport.assertContains;
import static ccc.client.vault.VaultTestSupport.canary;
import static ccc.client.vault.VaultTestSupport.fails;
import static ccc.client.vault.VaultTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.config.VaultSettings.AuthMethod;
import ccc.secret.SecretRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SecretResolver over a real VaultClient (and so real HTTP) against the fake Vault. */
class SecretResolverTest {

    private static final VaultReference ACCOUNT_KEY = new VaultReference("secret/peve/azure-blob", "account_key");
    private static final VaultReference ACCOUNT_NAME = new VaultReference("secret/peve/azure-blob", "account_name");
    private static final VaultReference DB_USER = new VaultReference("secret/peve/db", "user");
    private static final VaultReference DB_PASSWORD = new VaultReference("secret/peve/db", "password");

    private final String accountKey = canary();
    private final String accountName = canary();
    private final String dbUser = canary();
    private final String dbPassword = canary();
    private final String apiKey = canary();
    private final String apiSecret = canary();

    private MockWebServer server;
    private FakeVault fake;
    private SecretRegistry registry;
    private List<String> secrets;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeVault();
        Map<String, Object> blob = new LinkedHashMap<>();
        blob.put("account_name", accountName);
        blob.put("account_key", accountKey);
        fake.secret("secret/peve/azure-blob", blob);
        fake.secret("secret/peve/db", Map.of("user", dbUser, "password", dbPassword));
        fake.secret("secret/ccloud", Map.of("api_key", apiKey, "api_secret", apiSecret));
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        registry = new SecretRegistry();
        secrets = List.of(accountKey, accountName, dbUser, dbPassword, apiKey, apiSecret, fake.issuedToken);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SecretResolver resolver() {
        return resolver(server.url("/").toString());
    }

    private SecretResolver resolver(String address) {
        VaultClient client = new VaultClient(settings(address, AuthMethod.TOKEN),
                Map.of("VAULT_TOKEN", fake.issuedToken), FAST, null);
        return new SecretResolver(client, registry);
    }

    @Test
    void twentyPathsAreReadAtOnceButNeverMoreThanEight() {
        List<VaultReference> references = new ArrayList<>();
        Map<VaultReference, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String value = canary();
            fake.secret("secret/peve/many/" + i, Map.of("k", value));
            VaultReference reference = new VaultReference("secret/peve/many/" + i, "k");
            references.add(reference);
            references.add(reference);
            expected.put(reference, value);
        }
        fake.delayMillis = 200;

        Map<VaultReference, String> values = resolver().resolve(references);

        assertEquals(expected, values);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(values.keySet()), "in the order given");
        assertEquals(20, fake.requests().size(), "one request a path");
        assertTrue(fake.maxInFlight() >= 2, "paths are read in parallel: at most " + fake.maxInFlight() + " in flight");
        assertTrue(fake.maxInFlight() <= SecretResolver.PARALLEL_READS, "in flight: " + fake.maxInFlight());
    }

    @Test
    void theNumberOfReadsAtOnceCanBeLowered() {
        List<VaultReference> references = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fake.secret("secret/peve/few/" + i, Map.of("k", canary()));
            references.add(new VaultReference("secret/peve/few/" + i, "k"));
        }
        fake.delayMillis = 50;
        VaultClient client = new VaultClient(settings(server.url("/").toString(), AuthMethod.TOKEN),
                Map.of("VAULT_TOKEN", fake.issuedToken), FAST, null);

        assertEquals(10, new SecretResolver(client, registry, 3).resolve(references).size());

        assertTrue(fake.maxInFlight() <= 3, "in flight: " + fake.maxInFlight());
    }

    @Test
    void failuresAreReportedInTheOrderGivenWhicheverHappensFirst() {
        List<VaultReference> references = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            references.add(new VaultReference("secret/order/" + i, "k"));
        }
        // The later a path comes, the sooner it fails.
        SecretSource source = path -> {
            int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            try {
                Thread.sleep((6 - index) * 30L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new VaultPathException(path, "absent " + index);
        };

        CccException e = fails(() -> new SecretResolver(source, registry).resolve(references), List.of());

        String message = e.getMessage();
        for (int i = 1; i < 6; i++) {
            assertTrue(message.indexOf("absent " + (i - 1)) < message.indexOf("absent " + i), message);
        }
    }

    @Test
    void eachValueIsRegisteredAsSoonAsItsPathIsRead() {
        String early = canary();
        AtomicBoolean maskedMeanwhile = new AtomicBoolean();
        SecretSource source = path -> {
            if (path.equals("secret/early")) {
                return Map.of("k", early);
            }
            for (int i = 0; i < 500 && !maskedMeanwhile.get(); i++) { // the late path waits for the early value
                maskedMeanwhile.set(registry.scrub(early).equals(SecretRegistry.MASK));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Map.of("k", canary());
        };

        new SecretResolver(source, registry).resolve(List.of(new VaultReference("secret/late", "k"),
                new VaultReference("secret/early", "k")));

        assertTrue(maskedMeanwhile.get(), "the early value was masked while the late path was still being read");
    }

    @Test
    void aHungVaultIsReportedOnceForAllItsPaths() {
        fake.hung = true;
        VaultClient client = new VaultClient(settings(server.url("/").toString(), AuthMethod.TOKEN),
                Map.of("VAULT_TOKEN", fake.issuedToken), SHORT_TIMEOUTS, null);
        List<VaultReference> references = List.of(ACCOUNT_KEY, DB_USER, new VaultReference("secret/x", "y"),
                new VaultReference("secret/z", "y"));

        CccException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fails(() -> new SecretResolver(client, registry).resolve(references), secrets));

        assertContains(e.getMessage(), "did not answer within 1 s");
        assertEquals(e.getMessage().indexOf("did not answer"), e.getMessage().lastIndexOf("did not answer"));
    }

    @Test
    void resolvesEveryReferenceReadingEachPathOnceAndRegistersTheValues() {
        List<VaultReference> references = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            references.add(ACCOUNT_KEY);
            references.add(DB_PASSWORD);
        }
        references.add(ACCOUNT_NAME);
        references.add(DB_USER);

        Map<VaultReference, String> values = resolver().resolve(references);

        assertEquals(Map.of(ACCOUNT_KEY, accountKey, ACCOUNT_NAME, accountName, DB_USER, dbUser,
                DB_PASSWORD, dbPassword), values);
        assertEquals(1, fake.requestsTo("/v1/secret/data/peve/azure-blob").size());
        assertEquals(1, fake.requestsTo("/v1/secret/data/peve/db").size());
        for (String value : List.of(accountKey, accountName, dbUser, dbPassword)) {
            assertEquals("key=" + SecretRegistry.MASK, registry.scrub("key=" + value));
        }
    }

    @Test
    void aSecondResolutionWithTheSameClientAsksVaultNothingMore() {
        SecretResolver resolver = resolver();

        resolver.resolve(List.of(ACCOUNT_KEY));
        assertEquals(accountName, resolver.resolve(ACCOUNT_NAME));

        assertEquals(1, fake.requestsTo("/v1/secret/data/peve/azure-blob").size());
    }

    @Test
    void nothingToResolveAsksNothing() {
        assertTrue(resolver().resolve(List.of()).isEmpty());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingKeyListsTheKeysThatExistButNoValue() {
        VaultReference typo = new VaultReference("secret/peve/azure-blob", "acount_key");

        CccException e = fails(() -> resolver().resolve(List.of(typo)), secrets);

        assertContains(e.getMessage(), "secret/peve/azure-blob#acount_key", "no key 'acount_key'",
                "keys there: account_key, account_name");
    }

    @Test
    void everyFailureIsReportedTogether() {
        fake.secret("secret/peve/locked", Map.of("k", canary()));
        fake.deniedApiPaths.add("secret/data/peve/locked");
        VaultReference locked = new VaultReference("secret/peve/locked", "k");
        VaultReference lockedToo = new VaultReference("secret/peve/locked", "other");
        VaultReference absent = new VaultReference("secret/peve/absent", "k");
        VaultReference missingKey = new VaultReference("secret/peve/db", "pasword");

        CccException e = fails(() -> resolver().resolve(List.of(ACCOUNT_KEY, locked, absent, missingKey, lockedToo)),
                secrets);

        String message = e.getMessage();
        assertContains(message, "3 problems resolving Vault references",
                "secret/peve/locked#k, secret/peve/locked#other: Vault denied reading secret/peve/locked",
                "must grant read on secret/data/peve/locked",
                "secret/peve/absent#k: Vault has no secret at secret/peve/absent",
                "secret/peve/db#pasword", "keys there: password, user");
        assertEquals(1, fake.requestsTo("/v1/secret/data/peve/locked").size(), "one read for both keys");
        assertEquals("x " + SecretRegistry.MASK, registry.scrub("x " + accountKey),
                "what did resolve is registered all the same");
    }

    @Test
    void anUnreachableVaultIsReportedOnceNotPerPath() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CccException e = fails(() -> resolver("http://127.0.0.1:" + port)
                .resolve(List.of(ACCOUNT_KEY, DB_USER, new VaultReference("secret/x", "y"))), secrets);

        assertContains(e.getMessage(), "cannot reach Vault at http://127.0.0.1:" + port);
        assertEquals(e.getMessage().indexOf("cannot reach"), e.getMessage().lastIndexOf("cannot reach"));
    }

    @Test
    void aVaultFailureAfterPathFailuresKeepsThemInTheReport() {
        fake.deniedApiPaths.add("secret/data/peve/azure-blob");
        fake.unavailable.put("secret/data/peve/db", 10);

        CccException e = fails(() -> resolver().resolve(List.of(ACCOUNT_KEY, DB_USER)), secrets);

        assertContains(e.getMessage(), "2 problems", "secret/peve/azure-blob#account_key: Vault denied",
                "HTTP 503");
    }

    @Test
    void cloudCredentialsAreResolvedRegisteredAndMaskedInToString() {
        ProjectConfig.CloudCredentials references = new ProjectConfig.CloudCredentials(
                "${vault:secret/ccloud#api_key}", "${vault:secret/ccloud#api_secret}");

        CloudApiCredentials credentials = resolver().cloudCredentials(references);

        assertEquals(apiKey, credentials.apiKey());
        assertEquals(apiSecret, credentials.apiSecret());
        assertEquals(1, fake.requestsTo("/v1/secret/data/ccloud").size());
        assertEquals(SecretRegistry.MASK + ":" + SecretRegistry.MASK, registry.scrub(apiKey + ":" + apiSecret));
        assertFalse(credentials.toString().contains(apiKey));
        assertFalse(credentials.toString().contains(apiSecret));
    }

    @Test
    void cloudCredentialsReportBothMissingKeys() {
        ProjectConfig.CloudCredentials references = new ProjectConfig.CloudCredentials(
                "${vault:secret/ccloud#key}", "${vault:secret/ccloud#secret}");

        CccException e = fails(() -> resolver().cloudCredentials(references), secrets);

        assertContains(e.getMessage(), "2 problems", "secret/ccloud#key", "secret/ccloud#secret",
                "keys there: api_key, api_secret");
    }

    @Test
    void aCredentialSettingThatIsNotAReferenceIsNotEchoed() {
        String pasted = canary();
        ProjectConfig.CloudCredentials references = new ProjectConfig.CloudCredentials(
                pasted, "${vault:secret/ccloud#api_secret}");

        CccException e = fails(() -> resolver().cloudCredentials(references), List.of(pasted));

        assertContains(e.getMessage(), "confluent.credentials.api_key", "${vault:<path>#<key>}");
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void parseReferenceTakesExactlyOneReference() {
        assertEquals(new VaultReference("secret/ccloud", "api_key"),
                SecretResolver.parseReference(" ${vault:secret/ccloud#api_key} ", "x"));
        fails(() -> SecretResolver.parseReference("${vault:a/b#c}${vault:a/b#d}", "x"), List.of());
        fails(() -> SecretResolver.parseReference("prefix-${vault:a/b#c}", "x"), List.of());
        fails(() -> SecretResolver.parseReference("${vault:a/b}", "x"), List.of());
        fails(() -> SecretResolver.parseReference("", "x"), List.of());
    }
}
