package ccc.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeDataPlane;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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

/** {@code ccc doctor} on a kafka-connect environment: what applies to a self-managed worker, and nothing else. */
class WorkerDoctorTest {

    @TempDir
    Path root;
    MockWebServer worker;
    FakeDataPlane data;
    volatile boolean refuse;

    @BeforeEach
    void setUp() throws Exception {
        worker = new MockWebServer();
        worker.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (refuse) {
                    return new MockResponse.Builder().code(401).body("{\"error_code\": 401, \"message\": \"Unauthorized\"}")
                            .build();
                }
                if (path.equals("/connector-plugins")) {
                    return json("""
                            [{"class": "org.apache.kafka.connect.file.FileStreamSinkConnector", "type": "sink"},
                             {"class": "org.apache.kafka.connect.file.FileStreamSourceConnector", "type": "source"}]""");
                }
                if (path.equals("/connector-plugins/FileStreamSink/config/validate")) {
                    return json("""
                            {"name": "FileStreamSink", "error_count": 1, "configs": [
                              {"definition": {"name": "file"}, "value": {"name": "file", "errors": []}},
                              {"definition": {"name": "topics"}, "value": {"name": "topics", "errors": []}},
                              {"definition": {"name": "batch.size"}, "value": {"name": "batch.size",
                               "errors": ["Invalid value -1 for configuration batch.size: must be at least 1"]}}]}""");
                }
                return new MockResponse.Builder().code(404).body("{\"error_code\": 404, \"message\": \"no\"}").build();
            }
        });
        worker.start();
        data = new FakeDataPlane("local-kafka-secret-1", "local-sr-secret-1");
        data.clusterId = "local-cluster-1";
        Repo.connector(root, "local", "file-sink-01", """
                {"name": "peve-file-sink-01",
                 "config_nonsensitive": {"connector.class": "FileStreamSink", "topics": "orders", "file": "/tmp/out",
                                         "batch.size": "-1", "tasks.max": "1"}}
                """, "");
    }

    @AfterEach
    void tearDown() {
        worker.close();
        data.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    void cccYaml(String extra) {
        Repo.write(root, "ccc.yaml", Repo.workerCccYaml(worker.url("/").toString()) + extra);
    }

    JsonNode doctor(int expectedExit, Map<String, String> env) throws Exception {
        Cli.Result result = Cli.run(env, "", "doctor", "--env", "local", "--root", root.toString(), "--output", "json");
        assertEquals(expectedExit, result.exitCode(), result.toString());
        return Json.MAPPER.readTree(result.out());
    }

    @Test
    void checksThePluginByItsShortNameTheValidateCallAndTopicsThroughARestProxy() throws Exception {
        cccYaml("    kafka_rest_url: " + data.url() + "\n");
        data.topics.addAll(List.of("orders", "orders-dlq"));

        JsonNode document = doctor(1, data.keys());

        Map<String, JsonNode> checks = DoctorTest.checks(document, "peve-file-sink-01");
        assertEquals(List.of("connect-reachable " + worker.url("/").toString().replaceAll("/$", ""),
                        "plugin-offered FileStreamSink", "config-valid batch.size", "topic-exists orders",
                        "topic-exists orders-dlq"),
                List.copyOf(checks.keySet()), "no service account, role binding or key-defined on a worker");
        assertEquals("passed", DoctorTest.status(checks, "plugin-offered FileStreamSink"));
        assertTrue(checks.get("config-valid batch.size").path("hint").asText().contains("must be at least 1"));
        assertEquals("passed", DoctorTest.status(checks, "topic-exists orders-dlq"));
        assertEquals(2, data.requests.size(), "the cluster's id, then its topics: " + data.requests);
    }

    @Test
    void withoutARestProxyTopicsAreNotRun() throws Exception {
        cccYaml("");
        Map<String, JsonNode> checks = DoctorTest.checks(doctor(1, Map.of()), "peve-file-sink-01");
        JsonNode topic = checks.get("topic-exists orders");
        assertEquals("not_run", topic.path("status").asText());
        assertTrue(topic.path("hint").asText().contains("no kafka_rest_url for local"), topic.toString());
        assertFalse(topic.has("fix"));
    }

    @Test
    void aWorkerThatRefusesFailsAndTheChecksThatNeedItAreNotRun() throws Exception {
        cccYaml("");
        refuse = true;
        Map<String, JsonNode> checks = DoctorTest.checks(doctor(1, Map.of()), "peve-file-sink-01");
        JsonNode reachable = checks.values().iterator().next();
        assertEquals("connect-reachable", reachable.path("check").asText());
        assertEquals("failed", reachable.path("status").asText());
        assertTrue(reachable.path("hint").asText().contains("HTTP 401"), reachable.toString());
        assertEquals("not_run", DoctorTest.status(checks, "config-valid FileStreamSink"));
    }
}
