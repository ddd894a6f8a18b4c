package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --carry-offsets against the stateful fake of Confluent Cloud: a rename becomes a move that pauses
 * the old connector, creates the new one with the old one's offsets in the create request, and
 * deletes the old one only once the new one runs; a move that fails half way is completed by the
 * next apply.
 */
class MoveEndToEndTest {

    static final String ACCOUNT_KEY = "canary-account-key-5Qx8Jw";
    static final String API_SECRET = "canary-api-secret-Hh71Pq";
    static final String VAULT_TOKEN = "canary-vault-token-Kk02Ab";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY));
        env = cloud.env(API_SECRET, VAULT_TOKEN);
        Repo.write(root, "ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        sink("peve-blob-01", "orders");
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    void sink(String name, String topics) {
        Repo.connector(root, "dev", "ccloud-blob-01", """
                {"name": "%s",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "%s", "flush.size": "1000", "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/blob#account_key}"}}
                """.formatted(name, topics), "service_account: SA_BLOB\n");
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        if (args[0].equals("apply")) {
            all.addAll(List.of("--poll-interval", "10ms", "--timeout", "5s", "--auto-approve"));
        }
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        for (String canary : List.of(ACCOUNT_KEY, API_SECRET, VAULT_TOKEN)) {
            assertFalse(result.all().contains(canary), "a secret was printed:\n" + result);
        }
        return result;
    }

    /** peve-blob-01 running on orders with offsets on two partitions of orders and one of a topic it no longer reads. */
    void running() throws Exception {
        assertEquals(0, ccc("apply", "--env", "dev").exitCode());
        cloud.connectors.get("peve-blob-01").offsets = (ArrayNode) Json.MAPPER.readTree("""
                [{"partition": {"kafka_topic": "orders", "kafka_partition": 0}, "offset": {"kafka_offset": 42}},
                 {"partition": {"kafka_topic": "orders", "kafka_partition": 1}, "offset": {"kafka_offset": 7}},
                 {"partition": {"kafka_topic": "retired", "kafka_partition": 0}, "offset": {"kafka_offset": 3}}]
                """);
        sink("peve-blob-02", "orders");
    }

    @Test
    void aRenamedSinkStartsFromTheOldOffsetsAndTheOldConnectorIsDeletedOnlyOnceTheNewOneRuns() throws Exception {
        running();
        Cli.Result plan = ccc("plan", "--env", "dev", "--carry-offsets", "--output", "json", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.toString());
        JsonNode document = Json.MAPPER.readTree(plan.out());
        assertEquals(0, document.path("refusals").size(), plan.toString());
        assertEquals(1, document.path("actions").size(), "the old connector has no action of its own: " + plan);
        JsonNode move = document.path("actions").get(0);
        assertEquals("move", move.path("action").asText());
        assertEquals("peve-blob-02", move.path("connector").asText());
        assertEquals("peve-blob-01", move.path("renamed_from").asText());
        assertEquals(1, document.path("summary").path("move").asInt());
        assertEquals(0, document.path("summary").path("orphan").asInt());
        Cli.Result text = ccc("plan", "--env", "dev", "--carry-offsets");
        assertTrue(text.out().contains(">> peve-blob-02  will be moved from peve-blob-01 (offsets carried)"), text.toString());
        assertTrue(text.out().contains("1 to move"), text.toString());

        cloud.provisioningPolls = 3;
        int before = cloud.writes().size();
        Cli.Result apply = ccc("apply", "--env", "dev", "--carry-offsets");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.err().contains(">>      peve-blob-02: pausing peve-blob-01"), apply.toString());
        assertTrue(apply.err().contains("created from 2 offsets of peve-blob-01"), apply.toString());
        assertTrue(apply.err().contains("deleted peve-blob-01"), apply.toString());

        List<String> writes = cloud.writes().subList(before, cloud.writes().size());
        assertEquals(3, writes.size(), writes.toString());
        assertTrue(writes.get(0).startsWith("PUT ") && writes.get(0).endsWith("/peve-blob-01/pause"), writes.toString());
        assertTrue(writes.get(1).startsWith("POST ") && writes.get(1).endsWith("/connectors"), writes.toString());
        assertTrue(writes.get(2).startsWith("DELETE ") && writes.get(2).endsWith("/peve-blob-01"), writes.toString());

        assertEquals(Json.MAPPER.readTree("""
                [{"partition": {"kafka_topic": "orders", "kafka_partition": 0}, "offset": {"kafka_offset": 42}},
                 {"partition": {"kafka_topic": "orders", "kafka_partition": 1}, "offset": {"kafka_offset": 7}}]
                """), cloud.offsetsAtCreate.get("peve-blob-02"),
                "the create request carries the old connector's offsets of the topics the new one reads");

        List<String> events = List.copyOf(cloud.events);
        int paused = events.indexOf("shown peve-blob-01 PAUSED");
        int created = events.indexOf("created peve-blob-02 with 2 offsets");
        int provisioning = events.indexOf("shown peve-blob-02 PROVISIONING");
        int running = events.indexOf("shown peve-blob-02 RUNNING");
        int deleted = events.indexOf("DELETE peve-blob-01");
        assertTrue(paused >= 0 && paused < created, "paused before the create: " + events);
        assertTrue(created < provisioning && provisioning < running, events.toString());
        assertTrue(running < deleted, "the old connector is deleted only after the new one is RUNNING: " + events);

        assertFalse(cloud.connectors.containsKey("peve-blob-01"));
        assertEquals(0, ccc("plan", "--env", "dev", "--carry-offsets", "--detailed-exitcode").exitCode());
    }

    @Test
    void withoutTheFlagTheRefusalOffersIt() throws Exception {
        running();
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(3, plan.exitCode(), plan.toString());
        String message = Json.MAPPER.readTree(plan.out()).path("refusals").get(0).path("message").asText();
        assertTrue(message.contains("--carry-offsets to move peve-blob-01's offsets across"), message);
    }

    @Test
    void aMoveThatFailsAfterTheCreateLeavesTheOldConnectorPausedAndTheNextApplyCompletesIt() throws Exception {
        running();
        cloud.provisioningPolls = 1_000_000; // the new connector never runs in this apply
        Cli.Result apply = Cli.run(env, "", "apply", "--env", "dev", "--carry-offsets", "--auto-approve",
                "--poll-interval", "10ms", "--timeout", "1s", "--root", root.toString());
        assertEquals(1, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("peve-blob-01 is left paused (or stopped), not deleted"), apply.toString());
        assertTrue(apply.out().contains("'ccc apply --env dev --carry-offsets peve-blob-02'"), apply.toString());
        assertEquals("PAUSED", cloud.connectors.get("peve-blob-01").state, "both visible, the old one paused");
        assertTrue(cloud.connectors.containsKey("peve-blob-02"));

        Cli.Result noFlag = ccc("plan", "--env", "dev", "--output", "json");
        JsonNode notices = Json.MAPPER.readTree(noFlag.out()).path("notices");
        assertTrue(notices.toString().contains("unfinished-move")
                && notices.toString().contains("--carry-offsets --prune peve-blob-02"), noFlag.toString());
        assertTrue(cloud.connectors.containsKey("peve-blob-01"), "without the flag nothing is deleted");
        Cli.Result withoutPrune = ccc("apply", "--env", "dev", "--carry-offsets");
        assertTrue(cloud.connectors.containsKey("peve-blob-01"),
                "completing a move deletes a connector no action names: never without --prune: " + withoutPrune);

        Cli.Result plan = ccc("plan", "--env", "dev", "--carry-offsets", "--prune", "--output", "json");
        JsonNode move = Json.MAPPER.readTree(plan.out()).path("actions").get(0);
        assertEquals("move", move.path("action").asText(), plan.toString());
        assertEquals("peve-blob-01", move.path("renamed_from").asText());
        assertTrue(move.path("completes_move").asBoolean(), plan.toString());
        assertTrue(ccc("plan", "--env", "dev", "--carry-offsets", "--prune").out()
                .contains(">> peve-blob-02  will complete its move from peve-blob-01"));

        cloud.connectors.get("peve-blob-02").pollsUntilState = 1; // whatever held it up is over
        long creates = cloud.count("POST ");
        Cli.Result completed = ccc("apply", "--env", "dev", "--carry-offsets", "--prune");
        assertEquals(0, completed.exitCode(), completed.toString());
        assertTrue(completed.err().contains("ok      peve-blob-02 (move): moved from peve-blob-01"), completed.toString());
        assertEquals(creates, cloud.count("POST "), "completing a move creates nothing");
        assertFalse(cloud.connectors.containsKey("peve-blob-01"));
        assertEquals(0, ccc("plan", "--env", "dev", "--carry-offsets", "--detailed-exitcode").exitCode());
    }

    @Test
    void aSourceThatChangesClassIsNotMovedTheFormatsDiffer() throws Exception {
        Files.delete(root.resolve("ccloud-blob-01/dev-ccloud-blob-01.json"));
        Files.delete(root.resolve("ccloud-blob-01/dev-vars.yaml"));
        cloud.put("peve-jdbc-01", Map.of("connector.class", "PostgresSource", "connection.host", "db.example.com",
                "db.name", "sales", "table.whitelist", "orders", "topic.prefix", "pg-"));
        Repo.connector(root, "dev", "ccloud-cdc-01", """
                {"name": "peve-cdc-01",
                 "config_nonsensitive": {"connector.class": "PostgresCdcSourceV2", "database.hostname": "db.example.com",
                                         "database.dbname": "sales", "table.include.list": "public.orders",
                                         "topic.prefix": "pg", "tasks.max": "1"}}
                """, "status: RUNNING\n");
        Cli.Result plan = ccc("plan", "--env", "dev", "--carry-offsets", "--output", "json");
        assertEquals(3, plan.exitCode(), plan.toString());
        String message = Json.MAPPER.readTree(plan.out()).path("refusals").get(0).path("message").asText();
        assertTrue(message.contains("--carry-offsets cannot carry it: a source's offsets are in its class's own format"),
                message);
    }
}
