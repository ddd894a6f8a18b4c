package ccc.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ccc migrate from a self-managed worker (a small stateful fake of its REST API) to the stateful
 * fake of Confluent Cloud: the worker's connector is stopped before anything is created, the create
 * request carries its offsets, it is deleted only once the new connector runs, and a failure leaves
 * it stopped and says how to resume it.
 */
class MigrateToCloudTest {

    static final String ACCOUNT_KEY = "canary-account-key-5Qx8Jw";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    MockWebServer worker;
    final List<String> workerCalls = Collections.synchronizedList(new ArrayList<>());
    volatile String state = "RUNNING";
    volatile boolean present = true;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.vaultSecrets.put("peve/orders-blob-sink", Map.of("azblob_account_key", ACCOUNT_KEY));
        Repo.write(root, "ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        Repo.connector(root, "dev", "ccloud-orders-blob-sink", """
                {"name": "peve-orders-blob-sink",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "orders", "flush.size": "1000", "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/orders-blob-sink#azblob_account_key}"}}
                """, "service_account: SA_BLOB\n");
        worker = new MockWebServer();
        worker.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String call = request.getMethod() + " " + request.getUrl().encodedPath();
                workerCalls.add(call);
                cloud.events.add("worker " + call);
                return answer(call);
            }
        });
        worker.start();
    }

    @AfterEach
    void tearDown() {
        worker.close();
        cloud.close();
    }

    private MockResponse answer(String call) {
        if (!present && !call.equals("GET /connectors")) {
            return json(404, "{\"error_code\": 404, \"message\": \"Connector orders-blob-sink not found\"}");
        }
        switch (call) {
            case "GET /connectors" -> {
                ObjectNode list = Json.MAPPER.createObjectNode();
                if (present) {
                    ObjectNode entry = list.putObject("orders-blob-sink");
                    ObjectNode info = entry.putObject("info");
                    info.put("type", "sink");
                    ObjectNode config = info.putObject("config");
                    config.put("connector.class", "io.confluent.connect.azure.blob.AzureBlobStorageSinkConnector");
                    config.put("topics", "orders");
                    config.put("azblob.account.key", ACCOUNT_KEY);
                    entry.set("status", status());
                }
                return json(200, list.toString());
            }
            case "PUT /connectors/orders-blob-sink/stop" -> {
                state = "STOPPED";
                return new MockResponse.Builder().code(204).build();
            }
            case "PUT /connectors/orders-blob-sink/resume" -> {
                state = "RUNNING";
                return new MockResponse.Builder().code(202).build();
            }
            case "GET /connectors/orders-blob-sink/status" -> {
                return json(200, status().toString());
            }
            case "GET /connectors/orders-blob-sink/offsets" -> {
                return json(200, """
                        {"offsets": [{"partition": {"kafka_topic": "orders", "kafka_partition": 0},
                                      "offset": {"kafka_offset": 1234}}]}""");
            }
            case "DELETE /connectors/orders-blob-sink" -> {
                present = false;
                return new MockResponse.Builder().code(204).build();
            }
            default -> {
                return json(404, "{\"error_code\": 404, \"message\": \"no " + call + "\"}");
            }
        }
    }

    private ObjectNode status() {
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.put("name", "orders-blob-sink");
        status.putObject("connector").put("state", state).put("worker_id", "w1");
        if (!state.equals("STOPPED")) {
            status.putArray("tasks").addObject().put("id", 0).put("state", state).put("worker_id", "w1");
        } else {
            status.putArray("tasks");
        }
        status.put("type", "sink");
        return status;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    Cli.Result migrate(String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--from", worker.url("/").toString(),
                "orders-blob-sink", "--env", "dev", "--root", root.toString(), "--poll-interval", "10ms",
                "--timeout", "5s"));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(cloud.env("canary-api-secret-Hh71Pq", "canary-vault-token-Kk02Ab"), "",
                args.toArray(String[]::new));
        assertFalse(result.all().contains(ACCOUNT_KEY), "a secret was printed:\n" + result);
        return result;
    }

    @Test
    void aDryRunListsEveryStepAndChangesNothing() {
        Cli.Result dryRun = migrate();
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("would: stop orders-blob-sink"), dryRun.toString());
        assertTrue(dryRun.out().contains("would: create peve-orders-blob-sink (AzureBlobSink)"), dryRun.toString());
        assertTrue(dryRun.out().contains("Nothing was changed"), dryRun.toString());
        assertTrue(workerCalls.stream().allMatch(call -> call.startsWith("GET ")), workerCalls.toString());
        assertTrue(cloud.writes().isEmpty(), cloud.writes().toString());
    }

    @Test
    void theCreateCarriesTheWorkersOffsetsAndTheSourceIsDeletedOnlyOnceTheNewOneRuns() throws Exception {
        cloud.provisioningPolls = 3;
        Cli.Result migrated = migrate("--execute", "--delete-source", "--output", "json");
        assertEquals(0, migrated.exitCode(), migrated.toString());
        JsonNode report = Json.MAPPER.readTree(migrated.out());
        assertTrue(report.path("succeeded").asBoolean());
        assertEquals(1, report.path("offsets").path("carried").asInt());
        assertEquals(Json.MAPPER.readTree("""
                [{"partition": {"kafka_topic": "orders", "kafka_partition": 0}, "offset": {"kafka_offset": 1234}}]"""),
                cloud.offsetsAtCreate.get("peve-orders-blob-sink"));
        List<String> events = List.copyOf(cloud.events);
        int stopped = events.indexOf("worker PUT /connectors/orders-blob-sink/stop");
        int created = events.indexOf("created peve-orders-blob-sink with 1 offsets");
        int running = events.indexOf("shown peve-orders-blob-sink RUNNING");
        int deleted = events.indexOf("worker DELETE /connectors/orders-blob-sink");
        assertTrue(stopped >= 0 && stopped < created && created < running && running < deleted, events.toString());
    }

    @Test
    void aFailedCreateLeavesTheSourceStoppedAndSaysHowToResumeIt() {
        cloud.rejectedClass = "AzureBlobSink";
        Cli.Result failed = migrate("--execute", "--delete-source");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals("STOPPED", state);
        assertTrue(present, "not deleted");
        assertTrue(failed.out().contains("curl -X PUT " + worker.url("/").toString().replaceAll("/+$", "")
                + "/connectors/orders-blob-sink/resume"), failed.toString());
    }

    @Test
    void aSinkThatWouldStartFromScratchIsRefusedNotReportedAsCarried() {
        Repo.connector(root, "dev", "ccloud-orders-blob-sink", """
                {"name": "peve-orders-blob-sink",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "payments", "tasks.max": "1"}}
                """, "service_account: SA_BLOB\n");
        Cli.Result refused = migrate("--execute", "--delete-source");
        assertEquals(1, refused.exitCode(), "the cutover stops at the offsets step: " + refused);
        assertTrue(refused.err().contains("would carry only 0 of them"), refused.toString());
        assertTrue(refused.out().contains("/connectors/orders-blob-sink/resume"), refused.toString());
        assertTrue(present, "the source is not deleted");
        assertTrue(cloud.writes().isEmpty(), "nothing created: " + cloud.writes());
    }

    @Test
    void aSourceWhoseOffsetsCannotBeConvertedIsRefusedBeforeAnythingChanges() {
        Repo.connector(root, "dev", "ccloud-orders-blob-sink", """
                {"name": "peve-orders-blob-sink",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "orders", "quickstart": "ORDERS", "tasks.max": "1"}}
                """, "service_account: SA_BLOB\n");
        Cli.Result refused = migrate("--execute");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("a sink and peve-orders-blob-sink a source")
                || refused.err().contains("is a sink and"), refused.toString());
        assertEquals("RUNNING", state, "nothing was changed");
    }
}
