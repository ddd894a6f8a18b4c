package ccc.client.connect;

import static ccc.client.connect.Http.FAST;
import static ccc.client.connect.Http.empty;
import static ccc.client.connect.Http.json;
import static ccc.client.connect.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.ApiException;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaConnectClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CANARY = "CANARY-kc-secret-77";
    private static final String RUNNING = "{\"name\":\"src\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"},"
            + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"}],\"type\":\"source\"}";
    private static final String PAUSED = "{\"name\":\"src\",\"connector\":{\"state\":\"PAUSED\"},"
            + "\"tasks\":[{\"id\":0,\"state\":\"PAUSED\"}],\"type\":\"source\"}";
    private static final String STOPPED = "{\"name\":\"src\",\"connector\":{\"state\":\"STOPPED\"},\"tasks\":[],\"type\":\"source\"}";

    private MockWebServer server;
    private Script script;
    private SecretRegistry secrets;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        script = new Script();
        server.setDispatcher(script);
        server.start();
        secrets = new SecretRegistry();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KafkaConnectClient client() {
        return new KafkaConnectClient(server.url("/").toString(), null, null, FAST, secrets, Duration.ofSeconds(2));
    }

    private static List<ConnectorOffsets.Entry> offsets() throws Exception {
        return List.of(new ConnectorOffsets.Entry(MAPPER.readTree("{\"filename\":\"/tmp/in.txt\"}"),
                MAPPER.readTree("{\"position\":120}")));
    }

    @Test
    void listUsesTheRepeatedExpandParameterInOneRequest() {
        script.on("GET", "/connectors", json(200, q("""
                {'src': {'info': {'name': 'src', 'type': 'source', 'tasks': [{'connector': 'src', 'task': 0}],
                                  'config': {'connector.class': 'FileStreamSource', 'file': '/tmp/in.txt',
                                             'db.password': 'plain-on-self-managed'}},
                         'status': {'name': 'src', 'connector': {'state': 'RUNNING', 'worker_id': 'w:8083'},
                                    'tasks': [{'id': 0, 'state': 'RUNNING', 'worker_id': 'w:8083'}], 'type': 'source'}}}
                """)));

        Map<String, RemoteConnector> list = client().list();

        assertEquals(List.of("GET /connectors?expand=info&expand=status"), script.log());
        RemoteConnector src = list.get("src");
        assertNull(src.id());
        assertEquals("source", src.type());
        assertEquals("RUNNING", src.state());
        assertEquals("/tmp/in.txt", src.config().get("file"));
    }

    @Test
    void createWithoutOffsetsPostsNameAndConfigOnly() throws Exception {
        script.on("POST", "/connectors", json(201, "{\"name\":\"src\",\"config\":{},\"tasks\":[]}"));

        client().create("src", Map.of("connector.class", "FileStreamSource"), List.of());

        assertEquals(List.of("POST /connectors"), script.log());
        assertEquals(MAPPER.readTree("{\"name\":\"src\",\"config\":{\"connector.class\":\"FileStreamSource\"}}"),
                MAPPER.readTree(script.bodies().get(0)));
    }

    @Test
    void createWithOffsetsCreatesStoppedSetsOffsetsThenResumes() throws Exception {
        script.on("POST", "/connectors", json(201, "{}"))
                .on("GET", "/connectors/src/status", json(404, "{\"error_code\":404,\"message\":\"No status\"}"),
                        json(200, STOPPED))
                .on("PATCH", "/connectors/src/offsets", json(200, "{\"message\":\"offsets altered\"}"))
                .on("PUT", "/connectors/src/resume", empty(202));

        KafkaConnectClient client = client();
        client.create("src", Map.of("connector.class", "FileStreamSource"), offsets());

        assertEquals(List.of("POST /connectors", "GET /connectors/src/status", "GET /connectors/src/status",
                "PATCH /connectors/src/offsets", "PUT /connectors/src/resume"), script.log());
        assertEquals("STOPPED", MAPPER.readTree(script.bodies().get(0)).get("initial_state").asText());
        assertEquals(MAPPER.readTree(q("""
                {'offsets': [{'partition': {'filename': '/tmp/in.txt'}, 'offset': {'position': 120}}]}
                """)), MAPPER.readTree(script.bodies().get(3)));
        assertEquals("APPLIED", client.offsetRequestStatus("src").phase());
    }

    @Test
    void createWithOffsetsOnAWorkerThatIgnoresInitialStateStopsItFirst() throws Exception {
        script.on("POST", "/connectors", json(201, "{}"))
                .on("GET", "/connectors/src/status", json(200, RUNNING), json(200, STOPPED))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("PATCH", "/connectors/src/offsets", json(200, "{}"))
                .on("PUT", "/connectors/src/resume", empty(202));

        client().create("src", Map.of("connector.class", "FileStreamSource"), offsets());

        assertEquals(List.of("POST /connectors", "GET /connectors/src/status", "PUT /connectors/src/stop",
                "GET /connectors/src/status", "PATCH /connectors/src/offsets", "PUT /connectors/src/resume"), script.log());
    }

    @Test
    void createWithOffsetsThatCannotBeSetLeavesTheConnectorStopped() throws Exception {
        script.on("POST", "/connectors", json(201, "{}"))
                .on("GET", "/connectors/src/status", json(200, STOPPED))
                .on("PATCH", "/connectors/src/offsets", json(400, "{\"error_code\":400,\"message\":\"bad partition\"}"));

        ApiException e = assertThrows(ApiException.class,
                () -> client().create("src", Map.of("connector.class", "FileStreamSource"), offsets()));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("bad partition"), e.getMessage());
        assertTrue(e.getMessage().contains("left STOPPED"), e.getMessage());
        assertFalse(script.log().contains("PUT /connectors/src/resume"));
    }

    @Test
    void createWithOffsetsOnAnOldWorkerNamesTheVersionNeeded() throws Exception {
        script.on("POST", "/connectors", json(500, "{\"error_code\":500,\"message\":\"Unrecognized field \\\"initial_state\\\"\"}"));

        ApiException e = assertThrows(ApiException.class,
                () -> client().create("src", Map.of("connector.class", "FileStreamSource"), offsets()));

        assertTrue(e.getMessage().contains("3.7"), e.getMessage());
    }

    @Test
    void createRetriedAfter503OnlyWhenTheConnectorIsAbsent() {
        script.on("POST", "/connectors", json(503, "{}"), json(201, "{}"))
                .on("GET", "/connectors/src", json(404, "{\"error_code\":404,\"message\":\"Connector src not found\"}"));

        client().create("src", Map.of("connector.class", "X"), List.of());

        assertEquals(List.of("POST /connectors", "GET /connectors/src", "POST /connectors"), script.log());
    }

    @Test
    void patchOffsetsOfARunningConnectorStopsPatchesAndResumes() throws Exception {
        script.on("GET", "/connectors/src/status", json(200, RUNNING), json(200, RUNNING), json(200, STOPPED))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("PATCH", "/connectors/src/offsets", json(200, "{\"message\":\"altered\"}"))
                .on("PUT", "/connectors/src/resume", empty(202));

        KafkaConnectClient client = client();
        client.patchOffsets("src", offsets());

        assertEquals(List.of("GET /connectors/src/status", "PUT /connectors/src/stop", "GET /connectors/src/status",
                "GET /connectors/src/status", "PATCH /connectors/src/offsets", "PUT /connectors/src/resume"), script.log());
        OffsetRequestStatus status = client.offsetRequestStatus("src");
        assertEquals("APPLIED", status.phase());
        assertTrue(status.isFinal());
    }

    @Test
    void patchOffsetsOfAPausedConnectorPausesItAgain() throws Exception {
        script.on("GET", "/connectors/src/status", json(200, PAUSED), json(200, STOPPED))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("PATCH", "/connectors/src/offsets", json(200, "{}"))
                .on("PUT", "/connectors/src/pause", empty(202));

        client().patchOffsets("src", offsets());

        assertEquals("PUT /connectors/src/pause", script.log().get(script.log().size() - 1));
        assertFalse(script.log().contains("PUT /connectors/src/resume"));
    }

    @Test
    void resetOffsetsOfAStoppedConnectorLeavesItStopped() {
        script.on("GET", "/connectors/src/status", json(200, STOPPED))
                .on("DELETE", "/connectors/src/offsets", json(200, "{\"message\":\"reset\"}"));

        client().resetOffsets("src");

        assertEquals(List.of("GET /connectors/src/status", "DELETE /connectors/src/offsets"), script.log());
    }

    @Test
    void aFailedOffsetsChangeStillRestoresTheStateAndIsReportedFailed() throws Exception {
        script.on("GET", "/connectors/src/status", json(200, RUNNING), json(200, STOPPED))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("PATCH", "/connectors/src/offsets", json(400, "{\"error_code\":400,\"message\":\"Invalid offset\"}"))
                .on("PUT", "/connectors/src/resume", empty(202));

        KafkaConnectClient client = client();
        ApiException e = assertThrows(ApiException.class, () -> client.patchOffsets("src", offsets()));

        assertEquals(400, e.status());
        assertEquals("Invalid offset", e.serverMessage());
        assertEquals("PUT /connectors/src/resume", script.log().get(script.log().size() - 1));
        assertEquals("FAILED", client.offsetRequestStatus("src").phase());
    }

    @Test
    void aConnectorThatNeverStopsIsReportedAndResumed() {
        script.on("GET", "/connectors/src/status", json(200, RUNNING))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("PUT", "/connectors/src/resume", empty(202));
        var client = new KafkaConnectClient(server.url("/").toString(), null, null, FAST, secrets, Duration.ofMillis(300));

        ApiException e = assertThrows(ApiException.class, () -> client.resetOffsets("src"));

        assertTrue(e.getMessage().contains("still RUNNING"), e.getMessage());
        assertFalse(script.log().contains("DELETE /connectors/src/offsets"));
        assertEquals("PUT /connectors/src/resume", script.log().get(script.log().size() - 1));
    }

    @Test
    void offsetRequestStatusWithoutAnyChangeIsNotFound() {
        assertTrue(assertThrows(ApiException.class, () -> client().offsetRequestStatus("src")).isNotFound());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void simpleCalls() throws Exception {
        script.on("PUT", "/connectors/src/config", json(200, "{}"))
                .on("PUT", "/connectors/src/pause", empty(202))
                .on("PUT", "/connectors/src/resume", empty(202))
                .on("PUT", "/connectors/src/stop", empty(204))
                .on("POST", "/connectors/src/restart", empty(202))
                .on("DELETE", "/connectors/src", empty(204))
                .on("GET", "/connectors/src/offsets", json(200, q("""
                        {'offsets': [{'partition': {'kafka_topic': 't', 'kafka_partition': 0}, 'offset': {'kafka_offset': 5}}]}
                        """)))
                .on("PUT", "/connector-plugins/FileStreamSource/config/validate", json(200, q("""
                        {'name': 'FileStreamSource', 'error_count': 1,
                         'configs': [{'value': {'name': 'file', 'errors': ['Missing required configuration']}}]}
                        """)));
        KafkaConnectClient client = client();

        client.updateConfig("src", Map.of("connector.class", "FileStreamSource", "file", "/tmp/b.txt"));
        client.pause("src");
        client.resume("src");
        client.stop("src");
        client.restart("src", false, true);
        ConnectorOffsets offsets = client.offsets("src");
        ValidationResult validation = client.validate("FileStreamSource", Map.of("connector.class", "FileStreamSource"));
        client.delete("src");

        assertEquals(List.of("PUT /connectors/src/config", "PUT /connectors/src/pause", "PUT /connectors/src/resume",
                "PUT /connectors/src/stop", "POST /connectors/src/restart?includeTasks=false&onlyFailed=true",
                "GET /connectors/src/offsets", "PUT /connector-plugins/FileStreamSource/config/validate",
                "DELETE /connectors/src"), script.log());
        assertEquals("src", offsets.name());
        assertNull(offsets.observedAt());
        assertEquals(5, offsets.offsets().get(0).offset().get("kafka_offset").asInt());
        assertEquals(1, validation.errorCount());
        assertEquals(List.of("Missing required configuration"), validation.errors().get("file"));
    }

    @Test
    void errorShapeAndSensitiveEcho() {
        script.on("PUT", "/connectors/src/config", json(400, "{\"error_code\":400,\"message\":\"Invalid value "
                + CANARY + " for configuration db.password\"}"));

        ApiException e = assertThrows(ApiException.class, () -> client().updateConfig("src",
                Map.of("connector.class", "X", "db.password", CANARY), Set.of("db.password")));

        assertEquals(400, e.status());
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid value ******** for configuration db.password"), e.getMessage());
    }

    @Test
    void unauthorizedDoesNotTalkAboutConfluentCloudKeys() {
        script.on("GET", "/connectors", json(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}"));

        ApiException e = assertThrows(ApiException.class, () -> client().list());

        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains("CONFLUENT_CLOUD"), e.getMessage());
        assertTrue(e.getMessage().contains("REST authentication"), e.getMessage());
    }

    @Test
    void basicAuthWhenCredentialsAreGiven() throws Exception {
        server.setDispatcher(new mockwebserver3.QueueDispatcher());
        server.enqueue(json(200, "{}"));

        new KafkaConnectClient(server.url("/").toString(), "admin", "worker-pass", FAST, secrets).list();

        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("admin:worker-pass".getBytes(StandardCharsets.UTF_8)),
                request.getHeaders().get("Authorization"));
    }

    @Test
    void namesAreUrlEncoded() {
        script.on("DELETE", "/connectors/a%20b%2Fc", empty(204));

        client().delete("a b/c");

        assertEquals(List.of("DELETE /connectors/a%20b%2Fc"), script.log());
    }

    @Test
    void timeoutAndRefusedConnection() throws Exception {
        script.on("GET", "/connectors/src/status", new MockResponse.Builder().code(200).body(STOPPED)
                .headersDelay(1, TimeUnit.SECONDS).build());
        var slow = new KafkaConnectClient(server.url("/").toString(), null, null,
                Http.withReadTimeout(Duration.ofMillis(150), 2), secrets, Duration.ofSeconds(1));

        ApiException timeout = assertThrows(ApiException.class, () -> slow.status("src"));
        assertEquals(0, timeout.status());
        assertTrue(timeout.getMessage().contains("no answer in time"), timeout.getMessage());

        var refused = new KafkaConnectClient("http://127.0.0.1:" + Http.closedPort(), FAST, secrets);
        ApiException e = assertThrows(ApiException.class, () -> refused.restart("src", false, false));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void stopOrPauseStopsWhereTheWorkerCanAndPausesAnOlderWorker() {
        script.on("PUT", "/connectors/src/stop", empty(204));
        assertEquals(ccc.plan.RunState.STOPPED, client().stopOrPause("src"));

        script.on("PUT", "/connectors/old/stop", json(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
        script.on("GET", "/connectors/old/status", json(200, RUNNING.replace("\"src\"", "\"old\"")));
        script.on("PUT", "/connectors/old/pause", empty(202));
        assertEquals(ccc.plan.RunState.PAUSED, client().stopOrPause("old"), "a worker before Kafka 3.5 has no /stop");
        assertTrue(script.log().contains("PUT /connectors/old/pause"), script.log().toString());

        ApiException missing = assertThrows(ApiException.class, () -> client().stopOrPause("gone"));
        assertTrue(missing.isNotFound(), "a connector that does not exist is not paused instead");
        assertFalse(script.log().contains("PUT /connectors/gone/pause"), script.log().toString());
    }
}
