package ccc.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command over a fixture whose secrets are unique canaries, with a server that echoes
 * submitted configs in errors and traces: no canary may reach stdout, stderr or any file.
 */
class SecretLeakTest {

    static final String ACCOUNT_KEY = "CANARY-ACCOUNT-KEY-9f2b61";
    static final String ACCOUNT_NAME = "CANARY-ACCOUNT-NAME-73c0de";
    static final String PASSWORD = "CANARY-DB-PASSWORD-4e8a11";
    static final String API_SECRET = "CANARY-API-SECRET-b5d7e3";
    static final String VAULT_TOKEN = "CANARY-VAULT-TOKEN-0a9c44";
    static final String DIGEST_KEY = "CANARY-DIGEST-KEY-6612fe";
    /** Inside a Vault value that is a JSON object. */
    static final String NESTED = "CANARY-NESTED-VAULT-1d2e3f";
    static final List<String> CANARIES = List.of(ACCOUNT_KEY, ACCOUNT_NAME, PASSWORD, API_SECRET, VAULT_TOKEN,
            DIGEST_KEY, NESTED);

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;
    final List<Cli.Result> results = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.addAll(List.of("azblob.account.key", "azblob.account.name", "connection.password"));
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY, "account_name", ACCOUNT_NAME));
        cloud.vaultSecrets.put("peve/db", Map.of("password", PASSWORD));
        env = cloud.env(API_SECRET, VAULT_TOKEN);
        env.put("CCC_DIGEST_KEY", DIGEST_KEY);
        Repo.write(root, "ccc.yaml", """
                managed:
                  name_prefix: peve-
                environments:
                  dev:
                    environment_id: env-abc123
                    kafka_cluster_id: lkc-xyz789
                """);
        Repo.connector(root, "dev", "ccloud-blob-01", """
                {"name": "peve-blob-01",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "orders", "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/blob#account_key}",
                                      "azblob.account.name": "${vault:secret/peve/blob#account_name}"}}
                """, "service_account: SA_BLOB\n");
        Repo.connector(root, "dev", "ccloud-db-01", """
                {"name": "peve-db-01",
                 "config_nonsensitive": {"connector.class": "PostgresSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "db", "tasks.max": "1"},
                 "config_sensitive": {"connection.password": "prefix-${vault:secret/peve/db#password}"}}
                """, "service_account: sa-db01\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        cloud.close();
        for (Cli.Result result : results) {
            for (String canary : CANARIES) {
                assertFalse(result.all().contains(canary), "canary " + canary + " printed:\n" + result);
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (String canary : CANARIES) {
                    assertFalse(text.contains(canary), "canary " + canary + " written to " + file);
                }
            }
        }
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        results.add(result);
        return result;
    }

    @Test
    void noCommandPrintsOrWritesASecret() {
        assertEquals(0, ccc("validate").exitCode());
        assertEquals(0, ccc("render", "--env", "dev").exitCode());
        assertEquals(0, ccc("render", "--env", "dev", "--resolve-secrets", "--output", "json").exitCode());
        assertEquals(0, ccc("render", "--env", "dev", "--resolve-secrets", "--output", "markdown").exitCode());
        for (String format : List.of("text", "json", "markdown")) {
            assertEquals(0, ccc("plan", "--env", "dev", "--output", format, "--debug").exitCode());
        }
        assertEquals(0, ccc("plan", "--env", "dev", "-o", root.resolve("plan.json").toString()).exitCode());

        cloud.rejectedClass = "AzureBlobSink";
        cloud.failingClass = "PostgresSource";
        Cli.Result failing = ccc("apply", "--env", "dev", "--auto-approve", "--debug", "--poll-interval", "10ms");
        assertEquals(1, failing.exitCode(), failing.toString());
        assertTrue(failing.all().contains("Invalid configuration"), "the echoing error is reported: " + failing);
        assertTrue(failing.all().contains("cannot connect with"), "the echoing trace is reported: " + failing);
        assertTrue(failing.all().contains("********"), failing.toString());

        cloud.rejectedClass = null;
        cloud.failingClass = null;
        cloud.connectors.remove("peve-db-01");
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve", "--output", "json",
                "--poll-interval", "10ms").exitCode());
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY + "-rotated", "account_name",
                ACCOUNT_NAME));
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve", "--poll-interval", "10ms").exitCode());

        FakeConfluentCloud.Connector blob = cloud.connectors.get("peve-blob-01");
        blob.state = "FAILED";
        blob.trace = "org.apache.kafka.connect.errors.ConnectException: bad config " + blob.config;
        blob.taskTraces.set(0, "Invalid value {\"azblob.account.name\": \"" + ACCOUNT_NAME + "\"}");
        blob.taskStates.set(0, "FAILED");
        Cli.Result status = ccc("status", "--env", "dev", "--output", "json");
        assertTrue(status.out().contains("bad config"), status.toString());
        ccc("status", "--env", "dev", "--trace");
        blob.state = "RUNNING";
        blob.taskStates.set(0, "RUNNING");
        ccc("pause", "--env", "dev", "peve-blob-01", "--poll-interval", "10ms");
        ccc("resume", "--env", "dev", "peve-blob-01", "--poll-interval", "10ms");
        ccc("restart", "--env", "dev", "peve-blob-01", "--poll-interval", "10ms");
        ccc("offsets", "get", "--env", "dev", "peve-db-01");
        ccc("new", "ccloud-new-01", "--class", "S3_SINK");

        cloud.vaultSecrets.remove("peve/db");
        Cli.Result missing = ccc("plan", "--env", "dev", "--debug");
        assertEquals(1, missing.exitCode(), missing.toString());
    }

    @Test
    void aServerKeyHoldingTrueLeavesEveryTrueOfThePlanIntact() throws IOException {
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve", "--poll-interval", "10ms").exitCode());
        cloud.connectors.values().forEach(connector -> connector.config.put("valid.kafka.api.key", "true"));
        Path json = root.resolve("ccloud-blob-01/dev-ccloud-blob-01.json");
        Files.writeString(json, Files.readString(json).replace("\"tasks.max\": \"1\"",
                "\"tasks.max\": \"1\", \"locale\": \"true\""));  // a key AzureBlobSink defines, holding "true"

        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        JsonNode document = new ObjectMapper().readTree(plan.out());
        JsonNode change = document.path("actions").get(0).path("changes").get(0);
        assertEquals("locale", change.path("key").asText(), plan.toString());
        assertEquals("true", change.path("after").asText(), plan.toString());
        assertTrue(ccc("plan", "--env", "dev").out().contains("+ locale = \"true\""));
        assertTrue(ccc("plan", "--env", "dev", "--output", "markdown").out().contains("+ locale = true"));
        assertEquals(0, ccc("plan", "--env", "dev", "-o", root.resolve("saved.plan").toString()).exitCode());
        new ObjectMapper().readTree(root.resolve("saved.plan").toFile());
    }

    @Test
    void aVaultSecretTooTrivialToProtectIsAnErrorNotALeakOrBrokenOutput() {
        cloud.vaultSecrets.put("peve/db", Map.of("password", "true"));
        for (String format : List.of("text", "json", "markdown")) {
            Cli.Result plan = ccc("plan", "--env", "dev", "--output", format, "-o", root.resolve("p.plan").toString());
            assertEquals(1, plan.exitCode(), plan.toString());
            assertEquals("", plan.out(), "nothing is planned: " + plan);
            assertTrue(plan.err().contains("${vault:secret/peve/db#password} (connection.password of peve-db-01)"
                    + " resolved to a value too short or too common to protect"), plan.toString());
            assertFalse(plan.err().contains("prefix-true"), plan.toString());
        }
        assertFalse(Files.exists(root.resolve("p.plan")));
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--poll-interval", "10ms");
        assertEquals(1, apply.exitCode(), apply.toString());
        assertTrue(cloud.writes().isEmpty(), "nothing sent: " + cloud.writes());
    }

    @Test
    void aVaultValueThatIsAJsonObjectIsAnErrorNamingTheReference() {
        // What the Vault client hands over for a nested value: the object's compact JSON text.
        cloud.vaultSecrets.put("peve/db", Map.of("password", "{\"value\":\"" + NESTED + "\"}"));
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(1, plan.exitCode(), plan.toString());
        assertTrue(plan.err().contains("${vault:secret/peve/db#password} (connection.password of peve-db-01)"
                + " holds a JSON object, not a string"), plan.toString());
        assertNotEquals(0, ccc("apply", "--env", "dev", "--auto-approve").exitCode());
        assertTrue(cloud.writes().isEmpty(), "nothing sent: " + cloud.writes());
    }

    @Test
    void statusMasksWhatTheRepositoryDeclaresInEveryEchoForm() throws IOException {
        String literal = "repo-literal-s3cret-5c1f";
        cloud.passwordKeys.add("database.pass");
        Repo.connector(root, "dev", "ccloud-lit-01", """
                {"name": "peve-lit-01",
                 "config_nonsensitive": {"connector.class": "PostgresSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "lit", "tasks.max": "1"},
                 "config_sensitive": {"database.pass": "%s"}}
                """.formatted(literal), "service_account: sa-lit01\n");
        FakeConfluentCloud.Connector db = cloud.put("peve-db-01", Map.of("connector.class", "PostgresSource",
                "connection.password", "prefix-" + PASSWORD));
        db.state = "FAILED";
        db.trace = "org.postgresql.util.PSQLException: FATAL: password authentication failed (host=db port=5432"
                + " password=prefix-" + PASSWORD + " dbname=x)";
        FakeConfluentCloud.Connector lit = cloud.put("peve-lit-01", Map.of("connector.class", "PostgresSource",
                "database.pass", literal));
        lit.state = "FAILED";
        lit.trace = "org.postgresql.util.PSQLException: authentication failed for user peve with " + literal;

        for (String format : List.of("text", "json", "markdown")) {
            Cli.Result status = ccc("status", "--env", "dev", "--trace", "--output", format);
            assertEquals(1, status.exitCode(), status.toString());
            assertFalse(status.all().contains(literal), status.toString());
            assertFalse(status.err().contains("not by key"), status.toString());
        }
        Cli.Result text = ccc("status", "--env", "dev");
        assertTrue(text.out().contains("(host=db port=5432 password=******** dbname=x)"), text.toString());
        assertTrue(text.out().contains("authentication failed for user peve with ********"), text.toString());
        JsonNode json = new ObjectMapper().readTree(ccc("status", "--env", "dev", "--output", "json").out());
        assertTrue(json.path("traces_scrubbed_by_key").asBoolean(false), json.toString());
    }

    @Test
    void statusSaysPlainlyWhenItCannotScrubByKey() throws IOException {
        Repo.write(root, "ccloud-db-01/dev-ccloud-db-01.json", "{ broken");
        FakeConfluentCloud.Connector db = cloud.put("peve-db-01", Map.of("connector.class", "PostgresSource"));
        db.state = "FAILED";
        db.trace = "org.postgresql.util.PSQLException: FATAL: the database system is starting up";

        Cli.Result json = ccc("status", "--env", "dev", "--output", "json");
        assertEquals(1, json.exitCode(), json.toString());
        assertFalse(new ObjectMapper().readTree(json.out()).path("traces_scrubbed_by_key").asBoolean(true));
        assertEquals(1, json.err().lines().count(), json.toString());
        assertTrue(json.err().startsWith("warning: some connector files of dev cannot be read, so the sensitive keys"
                + " they declare are unknown: traces are shown scrubbed only of what the cluster masks, not by key"),
                json.toString());
        Cli.Result text = ccc("status", "--env", "dev");
        assertTrue(text.err().contains("not by key"), text.toString());
        assertTrue(text.out().contains("the database system is starting up"), text.toString());
    }
}
