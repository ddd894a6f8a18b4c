package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.FakeWorker;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * offsets set and reset on a self-managed worker stop the connector and put it back: they say so before (in the
 * refusal without --yes, and as they start) and after; on Confluent Cloud, which moves offsets itself, they do not.
 */
class OffsetsOnAWorkerTest {

    static final String SINK = "peve-file-sink-01";

    @TempDir
    Path root;
    FakeWorker worker;
    FakeWorker.Connector sink;

    @BeforeEach
    void setUp() throws Exception {
        worker = new FakeWorker();
        Repo.write(root, "ccc.yaml", Repo.workerCccYaml(worker.url()));
        sink = worker.put(SINK, "sink", Map.of("connector.class",
                "org.apache.kafka.connect.file.FileStreamSinkConnector", "topics", "orders"));
        sink.offsets = (com.fasterxml.jackson.databind.node.ArrayNode) Json.MAPPER.readTree("""
                [{"partition": {"kafka_topic": "orders", "kafka_partition": 0}, "offset": {"kafka_offset": 7}}]""");
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "local", "--root", root.toString(), "--poll-interval", "10ms"));
        return Cli.run(Map.of(), "", all.toArray(String[]::new));
    }

    @Test
    void theRefusalWithoutYesSaysTheConnectorWillBeStoppedAndResumed() {
        Cli.Result refused = ccc("offsets", "reset", SINK);
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("offsets move only while a connector is stopped: ccc stops " + SINK
                + " (now RUNNING) for the change and then resumes it. Run again with --yes"), refused.toString());
        assertFalse(worker.calls.stream().anyMatch(call -> !call.startsWith("GET ")), worker.calls.toString());
    }

    @Test
    void aResetSaysBeforeAndAfterThatItStoppedAndResumedTheConnector() throws Exception {
        Cli.Result reset = ccc("offsets", "reset", SINK, "--yes");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertTrue(reset.err().contains("Requested: reset all offsets; on this Kafka Connect worker, offsets move only "
                + "while a connector is stopped: ccc stops " + SINK + " (now RUNNING) for the change and then resumes it"),
                reset.toString());
        assertTrue(reset.out().contains(SINK + " was stopped for the change and then resumed and is RUNNING again."),
                reset.toString());
        List<String> writes = worker.calls.stream().filter(call -> !call.startsWith("GET ")).toList();
        assertEquals(List.of("PUT /connectors/" + SINK + "/stop", "DELETE /connectors/" + SINK + "/offsets",
                "PUT /connectors/" + SINK + "/resume"), writes);

        sink.state = "PAUSED";
        JsonNode json = Json.MAPPER.readTree(ccc("offsets", "reset", SINK, "--yes", "--output", "json").out());
        assertEquals("PAUSED", json.path("stopped_from").asText(), json.toString());
        assertEquals("PAUSED", json.path("state_after").asText(), json.toString());
        assertEquals("PAUSED", sink.state);
    }

    @Test
    void aConnectorStoppedAlreadyIsLeftStoppedAndNothingIsSaid() {
        sink.state = "STOPPED";
        Cli.Result reset = ccc("offsets", "reset", SINK, "--yes");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertFalse(reset.all().contains("was stopped for the change") || reset.all().contains("ccc stops"),
                reset.toString());
        assertEquals("STOPPED", sink.state);
    }

    @Test
    void onConfluentCloudNothingIsStoppedSoNothingIsSaid() throws Exception {
        try (FakeConfluentCloud cloud = new FakeConfluentCloud()) {
            Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
            cloud.put("peve-gen-01", Map.of("connector.class", "DatagenSource", "kafka.topic", "g"));
            Cli.Result refused = Cli.run(cloud.env("secret-unused-1", "token-unused-1"), "", "offsets", "reset",
                    "peve-gen-01", "--env", "dev", "--root", root.toString());
            assertEquals(3, refused.exitCode(), refused.toString());
            assertFalse(refused.all().contains("stopped") || refused.all().contains("stops"), refused.toString());
        }
    }
}
