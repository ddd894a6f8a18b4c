package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user types wrong, answered the same way by every command: an environment ccc.yaml does not declare is
 * a usage error (64) with the closest one and the list; a NAME that names no connector gets the closest connectors,
 * whichever command took it.
 */
class WrongInputsTest {

    static final String DATAGEN = "peve-datagen-source-connector-01";

    @TempDir
    Path dir;
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        root = Repo.copyExample(dir.resolve("connectors"));
        cloud = new FakeConfluentCloud();
        env = cloud.env("SECRET-canary-0042", "vault-token-unused");
        cloud.put(DATAGEN, Map.of("connector.class", "DatagenSource", "kafka.topic", "orders"));
        cloud.put("peve-azure-blob-storage-sink-connector-01", Map.of("connector.class", "AzureBlobSink",
                "topics", "azc-peve-connect-test"));
        cloud.put("other-team-sink", Map.of("connector.class", "S3_SINK", "topics", "x"));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        assertFalse(result.all().contains("\tat "), result.toString());
        return result;
    }

    /** Every command that takes --env, with what else it needs to get as far as reading it. */
    static final List<List<String>> WITH_ENV = List.of(
            List.of("validate"), List.of("render"), List.of("plan", "--offline"), List.of("plan"),
            List.of("apply", "--auto-approve"), List.of("status"), List.of("pause", DATAGEN), List.of("resume", DATAGEN),
            List.of("restart", DATAGEN), List.of("offsets", "get", DATAGEN), List.of("offsets", "reset", DATAGEN),
            List.of("offsets", "set", DATAGEN, "--file", "offsets.json"), List.of("doctor"), List.of("alert"),
            List.of("affected", "--all"), List.of("new", "ccloud-orders-01", "--class", "DatagenSource"),
            List.of("import", "--from", "http://127.0.0.1:9"), List.of("migrate", "--from", "http://127.0.0.1:9", "x"));

    @Test
    void anUnknownEnvironmentIsAUsageErrorWithTheClosestOneInEveryCommand() {
        for (List<String> command : WITH_ENV) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--env", "dve"));
            Cli.Result result = ccc(args.toArray(String[]::new));
            assertEquals(64, result.exitCode(), command + ": " + result);
            assertEquals("error: unknown environment 'dve'; did you mean dev? ccc.yaml declares dev, cert, prod, "
                    + "local.\n", result.err(), command + ": " + result);
            assertEquals("", result.out(), command + ": " + result);
        }
        assertEquals(List.of(), cloud.requests, "nothing was asked of the cluster");
    }

    @Test
    void anEnvironmentCloseToNoneStillListsThemAll() {
        Cli.Result result = ccc("render", "--env", "staging");
        assertEquals(64, result.exitCode(), result.toString());
        assertEquals("error: unknown environment 'staging'; ccc.yaml declares dev, cert, prod, local.\n", result.err());
    }

    /** Every command that takes NAME, offline or against the fake. */
    static final List<List<String>> WITH_NAME = List.of(
            List.of("render"), List.of("plan", "--offline"), List.of("plan"), List.of("apply", "--auto-approve"),
            List.of("doctor"), List.of("status"), List.of("pause"), List.of("resume"), List.of("restart"),
            List.of("offsets", "get"), List.of("offsets", "reset"));

    @Test
    void aMistypedNameGetsTheSameSuggestionFromEveryCommand() {
        for (String typed : List.of("peve-datagen-source-conector-01", "datagen-source-connector-01",
                "ccloud-datagen-source-connectr-01", "peve-datagen")) {
            for (List<String> command : WITH_NAME) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of(typed, "--env", "dev"));
                Cli.Result result = ccc(args.toArray(String[]::new));
                assertEquals(1, result.exitCode(), command + " " + typed + ": " + result);
                assertTrue(result.err().contains("no connector named '" + typed + "' in dev"),
                        command + " " + typed + ": " + result);
                assertTrue(result.err().contains("Did you mean: " + DATAGEN + "?"), command + " " + typed + ": " + result);
            }
        }
        assertTrue(cloud.writes().isEmpty(), cloud.writes().toString());
    }

    @Test
    void aScaffoldsPlaceholdersAreWarnedOfByValidateAndTheClustersRefusalIsSummarisedAndWrapped() {
        Cli.Result scaffolded = ccc("new", "ccloud-orders-01", "--class", "DatagenSource", "--env", "dev");
        assertEquals(0, scaffolded.exitCode(), scaffolded.toString());
        Cli.Result validate = ccc("validate", "--env", "dev");
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().contains("'topic' is still the placeholder 'change-me'"), validate.toString());
        assertTrue(validate.out().contains("'service_account' is still the placeholder 'SA_CHANGE_ME'"),
                validate.toString());

        cloud.serviceAccounts.put("SA_CHANGE_ME", "sa-placeholder");
        cloud.invalidValues.put("change-me", "Topic change-me does not exist in the cluster lkc-xyz789, and a "
                + "connector cannot start without it.");
        Map<String, String> terminal = new java.util.HashMap<>(env);
        terminal.put("COLUMNS", "60");
        terminal.put("NO_COLOR", "1");
        Cli.Result apply = Cli.run(terminal, true, "", "apply", "--env", "dev", "--auto-approve", "peve-orders-01",
                "--root", root.toString());
        assertEquals(1, apply.exitCode(), apply.toString());
        String failure = apply.out().substring(apply.out().indexOf("  FAILED  "));
        assertTrue(failure.startsWith("  FAILED  peve-orders-01 (create): Create connector 'peve-orders-01' failed: "
                + "HTTP 400:\n          Connector configuration is invalid and contains\n"), apply.toString());
        assertTrue(failure.contains("\n          Invalid value change-me for configuration\n"), apply.toString());
        failure.lines().skip(1).filter(line -> line.startsWith("          ") && !line.contains("`"))
                .forEach(line -> assertTrue(line.length() <= 60, "wrapped to the terminal: " + line));
        assertEquals(1, apply.err().lines().filter(line -> line.startsWith("  FAILED  ")).count(),
                "the progress line, once");
    }

    @Test
    void applyOnATerminalPrintsEachOutcomeOnce() {
        cloud.serviceAccounts.put("SA_PEVE_ORDERS", "sa-orders");
        Repo.connector(root, "dev", "ccloud-orders-01", """
                {"name": "peve-orders-01", "config_nonsensitive": {"connector.class": "DatagenSource",
                 "kafka.auth.mode": "SERVICE_ACCOUNT", "kafka.topic": "orders"}}
                """, "service_account: SA_PEVE_ORDERS\n");
        Map<String, String> terminal = new java.util.HashMap<>(env);
        terminal.put("NO_COLOR", "1");
        Cli.Result apply = Cli.run(terminal, true, "", "apply", "--env", "dev", "--auto-approve", "peve-orders-01",
                "--root", root.toString(), "--poll-interval", "10ms");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertEquals(1, apply.all().lines().filter(line -> line.startsWith("  ok      peve-orders-01 (create)")).count(),
                apply.toString());
        assertTrue(apply.out().contains("1 succeeded, 0 failed."), apply.toString());
    }

    @Test
    void anotherTeamsConnectorIsStillRefusedWithoutAnyName() {
        Cli.Result result = ccc("pause", "other-team-sink", "--env", "dev");
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.err().contains("outside the managed prefix 'peve-'"), result.toString());
    }
}
