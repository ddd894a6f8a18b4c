package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, pause, resume, restart and offsets against the stateful Confluent Cloud fake. */
class RunbookCommandsTest {

    static final String SINK = "peve-blob-01";
    static final String SOURCE = "peve-gen-01";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        env = cloud.env("SECRET-canary-0042", "vault-token-unused");
        Repo.minimalWithDatagen(root);
        Repo.connector(root, "dev", "ccloud-blob-01", """
                {"name": "peve-blob-01", "config_nonsensitive": {"connector.class": "AzureBlobSink", "topics": "orders"}}
                """, "status: RUNNING\n");
        cloud.put(SINK, Map.of("connector.class", "AzureBlobSink", "topics", "orders"));
        cloud.put(SOURCE, Map.of("connector.class", "DatagenSource", "kafka.topic", "g"));
        cloud.put("other-team-sink", Map.of("connector.class", "S3_SINK", "topics", "x"));
        cloud.asyncPolls = 3;
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "dev", "--root", root.toString()));
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        assertFalse(result.all().contains("SECRET-canary-0042"), result.toString());
        assertFalse(result.all().contains("\tat "), result.toString());
        return result;
    }

    @Test
    void statusShowsEveryManagedConnectorAndExitsZeroWhenHealthy() {
        Cli.Result status = ccc("status");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains(SINK) && status.out().contains(SOURCE), status.toString());
        assertTrue(status.out().contains(cloud.connectors.get(SINK).id));
        assertTrue(status.out().contains("0:RUNNING"));
        assertFalse(status.out().contains("other-team-sink"), "outside the prefix: " + status);
    }

    @Test
    void statusReportsAFailedTaskWithTheStartOfItsTraceAndExitsOne() throws Exception {
        FakeConfluentCloud.Connector sink = cloud.connectors.get(SINK);
        sink.taskStates.set(0, "FAILED");
        StringBuilder trace = new StringBuilder("org.apache.kafka.connect.errors.ConnectException: storage unreachable\n");
        for (int i = 0; i < 20; i++) {
            trace.append("\tat frame").append(i).append('\n');
        }
        sink.taskTraces.set(0, trace.toString());
        Cli.Result status = Cli.run(env, "", "status", "--env", "dev", "--root", root.toString());
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.out().contains("0:FAILED"));
        assertTrue(status.out().contains("storage unreachable"));
        assertTrue(status.out().contains("more lines (--trace shows them)"));
        assertFalse(status.out().contains("frame19"));

        Cli.Result full = Cli.run(env, "", "status", SINK, "--trace", "--env", "dev", "--root", root.toString());
        assertTrue(full.out().contains("frame19"), full.toString());

        JsonNode json = Json.MAPPER.readTree(ccc("status", SINK, "--output", "json").out());
        JsonNode connector = json.path("connectors").get(0);
        assertEquals(SINK, connector.path("name").asText());
        assertEquals(sink.id, connector.path("id").asText());
        assertEquals("RUNNING", connector.path("state").asText());
        assertEquals(0, connector.path("tasks").get(0).path("id").asInt());
        assertEquals("FAILED", connector.path("tasks").get(0).path("state").asText());
        assertTrue(connector.path("tasks").get(0).path("trace").asText().contains("storage unreachable"));
    }

    @Test
    void statusReportsADeclaredConnectorMissingFromTheCluster() {
        cloud.connectors.remove(SOURCE);
        Cli.Result status = ccc("status");
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.out().contains("MISSING"));
    }

    @Test
    void unknownNamesGetCloseMatches() {
        Cli.Result status = ccc("status", "peve-blob-1");
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.err().contains("Did you mean: " + SINK), status.toString());
    }

    @Test
    void namesOutsideThePrefixNeedAnyName() {
        Cli.Result refused = ccc("pause", "other-team-sink");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("--any-name"));
        assertTrue(cloud.writes().isEmpty());
        Cli.Result status = ccc("status", "other-team-sink", "--any-name");
        assertEquals(0, status.exitCode(), status.toString());
    }

    @Test
    void pauseWaitsThroughSeveralPollsAndWarnsAboutTheDeclaredStatus() {
        Cli.Result pause = ccc("pause", SINK, "--poll-interval", "10ms");
        assertEquals(0, pause.exitCode(), pause.toString());
        assertEquals("PAUSED", cloud.connectors.get(SINK).state);
        assertTrue(pause.out().contains(SINK + ": PAUSED"), pause.toString());
        assertTrue(cloud.count("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors/peve-blob-01/status") >= 3);
        assertTrue(pause.err().contains("dev-vars.yaml") && pause.err().contains("status: PAUSED"), pause.toString());

        Cli.Result resume = ccc("resume", "ccloud-blob-01", "--poll-interval", "10ms");
        assertEquals(0, resume.exitCode(), resume.toString());
        assertEquals("RUNNING", cloud.connectors.get(SINK).state);
        assertFalse(resume.err().contains("warning"), "declared RUNNING, nothing to warn about: " + resume);
    }

    @Test
    void aDeadlineThatPassesIsAnError() {
        cloud.asyncPolls = 1_000_000;
        Cli.Result pause = ccc("pause", SINK, "--poll-interval", "10ms", "--timeout", "200ms");
        assertEquals(1, pause.exitCode(), pause.toString());
        assertTrue(pause.err().contains("still RUNNING"), pause.toString());
    }

    @Test
    void restartWaitsForRunningAndReportsAFailureAgain() {
        cloud.connectors.get(SINK).taskStates.set(0, "FAILED");
        Cli.Result restart = ccc("restart", SINK, "--failed-only", "--poll-interval", "10ms");
        assertEquals(0, restart.exitCode(), restart.toString());
        assertTrue(cloud.requests.stream().anyMatch(r -> r.startsWith("POST ") && r.endsWith("/peve-blob-01/restart")),
                cloud.requests.toString());
        assertTrue(restart.err().contains("--failed-only restarts " + SINK + " and all its tasks there"),
                "on Cloud, say what --failed-only does: " + restart);

        cloud.stateAfterRestart = "FAILED";
        Cli.Result failing = ccc("restart", SINK, "--poll-interval", "10ms");
        assertEquals(1, failing.exitCode(), failing.toString());
        assertTrue(failing.err().contains("FAILED"), failing.toString());
    }

    @Test
    void offsetsGetPrintsATableAndJson() throws Exception {
        cloud.connectors.get(SOURCE).offsets = offsets(42);
        Cli.Result text = ccc("offsets", "get", SOURCE);
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("{\"kafka_partition\":0") && text.out().contains("42"), text.toString());
        JsonNode json = Json.MAPPER.readTree(ccc("offsets", "get", SOURCE, "--output", "json").out());
        assertEquals(42, json.path("offsets").get(0).path("offset").path("kafka_offset").asInt());
    }

    @Test
    void offsetsSetRefusesWithoutYesThenAppliesThroughPendingStates() throws Exception {
        cloud.connectors.get(SOURCE).offsets = offsets(42);
        Path file = Repo.write(root, "offsets.json", "{\"offsets\": " + offsets(7) + "}");
        Cli.Result refused = ccc("offsets", "set", SOURCE, "--file", file.toString());
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("--yes"));
        assertTrue(cloud.writes().isEmpty());

        Cli.Result set = ccc("offsets", "set", SOURCE, "--file", file.toString(), "--yes", "--poll-interval", "10ms");
        assertEquals(0, set.exitCode(), set.toString());
        assertTrue(set.out().contains("before") && set.out().contains("42"), set.toString());
        assertTrue(set.out().contains("APPLIED"));
        assertEquals(7, cloud.connectors.get(SOURCE).offsets.get(0).path("offset").path("kafka_offset").asInt());
    }

    @Test
    void offsetsRequestThatEndsFailedIsAnError() {
        cloud.failOffsetRequests = true;
        Cli.Result reset = ccc("offsets", "reset", SOURCE, "--yes", "--poll-interval", "10ms");
        assertEquals(1, reset.exitCode(), reset.toString());
        assertTrue(reset.err().contains("FAILED") && reset.err().contains("out of range"), reset.toString());
    }

    @Test
    void anEarlierRequestsStatusIsNotTakenForThisOne() {
        cloud.connectors.get(SOURCE).offsets = offsets(42);
        cloud.connectors.get(SOURCE).staleStatusReads = 3; // "APPLIED", but for a PATCH of 2020
        cloud.offsetPolls = 2;
        Cli.Result reset = ccc("offsets", "reset", SOURCE, "--yes", "--poll-interval", "10ms");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertEquals(0, cloud.connectors.get(SOURCE).offsets.size(), "waited for the reset itself to be applied");
        assertTrue(cloud.count("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors/"
                + SOURCE + "/offsets/request/status") >= 4, "three stale answers, then this request's: " + cloud.requests);
    }

    @Test
    void offsetsStayTypedFromAnEditedFileToTheRequest() throws Exception {
        Path file = Repo.write(root, "offsets.json", """
                {"offsets": [{"partition": {"kafka_partition": 0, "kafka_topic": "g"},
                              "offset": {"kafka_offset": 9007199254740993, "ratio": 0.1000000000000000055511}}]}
                """);
        Cli.Result set = ccc("offsets", "set", SOURCE, "--file", file.toString(), "--yes", "--poll-interval", "10ms",
                "--output", "json");
        assertEquals(0, set.exitCode(), set.toString());
        String sent = cloud.bodies.stream().filter(body -> body.contains("\"PATCH\"")).findFirst().orElseThrow();
        assertTrue(sent.contains("\"kafka_offset\":9007199254740993"), "numbers stay numbers, exactly: " + sent);
        assertTrue(sent.contains("\"kafka_partition\":0"), sent);
        assertTrue(sent.contains("0.1000000000000000055511"), "decimals are not rounded through a double: " + sent);
        JsonNode document = Json.MAPPER.readTree(set.out());
        assertEquals("APPLIED", document.path("phase").asText());
        assertTrue(document.path("after").get(0).path("offset").path("kafka_offset").isIntegralNumber());
    }

    @Test
    void offsetsResetEmptiesThem() {
        cloud.connectors.get(SOURCE).offsets = offsets(42);
        Cli.Result reset = ccc("offsets", "reset", SOURCE, "--yes", "--poll-interval", "10ms");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertEquals(0, cloud.connectors.get(SOURCE).offsets.size());
    }

    static ArrayNode offsets(int position) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        var entry = list.addObject();
        entry.putObject("partition").put("kafka_partition", 0).put("kafka_topic", "g");
        entry.putObject("offset").put("kafka_offset", position);
        return list;
    }
}
