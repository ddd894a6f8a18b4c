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

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
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

class ConfluentCloudConnectClientTest {

    private static final String BASE = "/connect/v1/environments/env-1/clusters/lkc-1";
    private static final String CANARY = "CANARY-s3cr3t-9f27";
    private static final String API_SECRET = "cloud-api-secret-0451";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockWebServer server;
    private SecretRegistry secrets;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        secrets = new SecretRegistry();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConfluentCloudConnectClient client() {
        return client(FAST);
    }

    private ConfluentCloudConnectClient client(HttpSettings settings) {
        return new ConfluentCloudConnectClient(server.url("/").toString(), "env-1", "lkc-1", "KEY123", API_SECRET,
                settings, secrets);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("expected one more request");
        }
        return request;
    }

    private static Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "PostgresSink");
        config.put("connection.user", "app");
        config.put("connection.password", CANARY);
        config.put("tasks.max", "1");
        return config;
    }

    // ---- reads -----------------------------------------------------------------------------

    @Test
    void listMakesExactlyOneRequestWithCommaExpandAndParsesEveryConnector() throws Exception {
        server.enqueue(json(200, q("""
                {'orders-sink': {
                   'id': {'id': 'lcc-abc12', 'id_type': 'ID'},
                   'info': {'name': 'orders-sink', 'type': 'sink',
                            'config': {'connector.class': 'PostgresSink', 'connection.password': '****',
                                       'tasks.max': 2, 'auto.create': true, 'nothing': null}},
                   'status': {'name': 'orders-sink', 'type': 'sink',
                              'connector': {'state': 'RUNNING', 'worker_id': 'w1', 'trace': ''},
                              'tasks': [{'id': 0, 'state': 'RUNNING', 'worker_id': 'w1', 'msg': ''}]}},
                 'clicks-source': {
                   'id': {'id': 'lcc-xyz99', 'id_type': 'ID'},
                   'info': {'name': 'clicks-source', 'type': 'source', 'config': {'connector.class': 'DatagenSource'}},
                   'status': {'name': 'clicks-source', 'connector': {'state': 'PROVISIONING'}, 'tasks': []}}}
                """)));

        Map<String, RemoteConnector> list = client().list();

        assertEquals(1, server.getRequestCount());
        RecordedRequest request = take();
        assertEquals("GET", request.getMethod());
        assertEquals(BASE + "/connectors?expand=info,status,id", request.getTarget());
        String expectedAuth = "Basic " + Base64.getEncoder()
                .encodeToString("KEY123:cloud-api-secret-0451".getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedAuth, request.getHeaders().get("Authorization"));

        assertEquals(List.of("orders-sink", "clicks-source"), List.copyOf(list.keySet()));
        RemoteConnector orders = list.get("orders-sink");
        assertEquals("lcc-abc12", orders.id());
        assertEquals("sink", orders.type());
        assertEquals("RUNNING", orders.state());
        assertEquals(1, orders.status().tasks().size());
        assertEquals("2", orders.config().get("tasks.max"));
        assertEquals("true", orders.config().get("auto.create"));
        assertFalse(orders.config().containsKey("nothing"));
        assertEquals("lcc-xyz99", list.get("clicks-source").id());
        assertEquals("PROVISIONING", list.get("clicks-source").state());
    }

    @Test
    void recordedAnswerShapesAreRead() {
        // What recorded real answers add to the OpenAPI examples: extensions, type "unknown", and the
        // real reasons of a rejected update in validation_errors and errors_from_trace.
        server.enqueue(json(200, q("""
                {'odd': {
                   'id': {'id': 'lcc-odd01', 'id_type': 'ID'},
                   'info': {'name': 'odd', 'type': 'unknown', 'config': {'connector.class': 'CustomThing'}},
                   'extensions': {'whatever': {'nested': true}},
                   'status': {'name': 'odd', 'type': 'unknown',
                              'connector': {'state': 'FAILED', 'worker_id': 'w1',
                                            'trace': 'Unable to validate configuration. If an update was made'},
                              'tasks': [{'id': 0, 'state': 'STOPPED', 'worker_id': 'w1', 'msg': ''}],
                              'validation_errors': ['flush.size must be at least 1000'],
                              'errors_from_trace': [{'error': 'Invalid value -1 for flush.size'}],
                              'override_message': '', 'error_summary': ''}}}
                """)));

        RemoteConnector odd = client().list().get("odd");

        assertEquals("unknown", odd.type());
        assertEquals(List.of("flush.size must be at least 1000", "Invalid value -1 for flush.size"),
                odd.status().validationErrors());
        assertEquals(ccc.plan.RunState.STOPPED, odd.status().tasks().get(0).runState());
    }

    @Test
    void anEmptyClusterMayBeAnsweredWithAnArray() {
        server.enqueue(json(200, "[]"));
        assertTrue(client().list().isEmpty());
    }

    @Test
    void aDeleteAnswered200WithAnErrorIsAFailure() {
        server.enqueue(json(200, "{\"error\": \"connector is being provisioned\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().delete("a"));
        assertTrue(e.getMessage().contains("connector is being provisioned"), e.getMessage());
        server.enqueue(json(200, "{\"error\": null}"));
        client().delete("a");
    }

    @Test
    void maskedValuesOnReadStayMasked() {
        server.enqueue(json(200, q("""
                {'c': {'id': {'id': 'lcc-1'}, 'info': {'type': 'sink', 'config': {
                   'connection.password': '****', 'aws.secret.access.key': '**********', 'topics': 'orders'}}}}
                """)));

        RemoteConnector c = client().list().get("c");

        assertEquals("****", c.config().get("connection.password"));
        assertEquals("**********", c.config().get("aws.secret.access.key"));
        assertEquals("orders", c.config().get("topics"));
        assertNull(c.status());
    }

    @Test
    void statusParsesConnectorAndTasksAndScrubsTraces() throws Exception {
        secrets.register(CANARY);
        server.enqueue(json(200, q("""
                {'name': 'orders-sink', 'type': 'sink',
                 'connector': {'state': 'FAILED', 'worker_id': 'w1',
                               'trace': 'Unable to validate configuration. Errors: password CANARY-s3cr3t-9f27 rejected'},
                 'tasks': [{'id': 0, 'state': 'FAILED', 'worker_id': 'w1', 'msg': 'boom'},
                           {'id': 1, 'state': 'RUNNING', 'worker_id': 'w2'}]}
                """)));

        ConnectorStatus status = client().status("orders-sink");

        assertEquals(BASE + "/connectors/orders-sink/status", take().getTarget());
        assertEquals("FAILED", status.state());
        assertFalse(status.connector().trace().contains(CANARY));
        assertTrue(status.connector().trace().startsWith("Unable to validate configuration."));
        assertEquals(2, status.tasks().size());
        assertEquals("boom", status.tasks().get(0).trace());
        assertEquals(1, status.tasks().get(1).id());
    }

    @Test
    void namesAreUrlEncodedInPaths() throws Exception {
        server.enqueue(json(200, "{\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}"));

        client().status("my conn/1?x%#");

        assertEquals(BASE + "/connectors/my%20conn%2F1%3Fx%25%23/status", take().getTarget());
    }

    @Test
    void offsetsAreParsed() throws Exception {
        server.enqueue(json(200, q("""
                {'id': 'lcc-1', 'name': 'src',
                 'offsets': [{'partition': {'server': 'db1'}, 'offset': {'lsn': 42}}],
                 'metadata': {'observed_at': '2024-03-28T17:57:48.139635200Z'}}
                """)));

        ConnectorOffsets offsets = client().offsets("src");

        assertEquals(BASE + "/connectors/src/offsets", take().getTarget());
        assertEquals("src", offsets.name());
        assertEquals(1, offsets.offsets().size());
        assertEquals("db1", offsets.offsets().get(0).partition().get("server").asText());
        assertEquals(42, offsets.offsets().get(0).offset().get("lsn").asInt());
        assertEquals("2024-03-28T17:57:48.139635200Z", offsets.observedAt());
    }

    @Test
    void offsetRequestStatusReadsPhaseUnderStatusOrAtTopLevel() throws Exception {
        server.enqueue(json(200, q("""
                {'request': {'type': 'PATCH'}, 'status': {'phase': 'APPLIED', 'message': 'done'}, 'applied_at': 'x'}
                """)));
        server.enqueue(json(200, "{\"phase\":\"PENDING_VALIDATION\"}"));

        OffsetRequestStatus nested = client().offsetRequestStatus("src");
        OffsetRequestStatus flat = client().offsetRequestStatus("src");

        assertEquals(BASE + "/connectors/src/offsets/request/status", take().getTarget());
        assertEquals("APPLIED", nested.phase());
        assertEquals("done", nested.message());
        assertTrue(nested.isFinal());
        assertEquals("PENDING_VALIDATION", flat.phase());
        assertFalse(flat.isFinal());
    }

    // ---- writes ----------------------------------------------------------------------------

    @Test
    void createPostsNameConfigAndOffsets() throws Exception {
        server.enqueue(json(201, "{\"name\":\"src\"}"));
        var offsets = List.of(new ConnectorOffsets.Entry(MAPPER.readTree("{\"server\":\"db1\"}"),
                MAPPER.readTree("{\"lsn\":42}")));

        client().create("src", Map.of("connector.class", "PostgresCdcSource"), offsets);

        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals(BASE + "/connectors", request.getTarget());
        assertEquals(MAPPER.readTree(q("""
                {'name': 'src', 'config': {'connector.class': 'PostgresCdcSource'},
                 'offsets': [{'partition': {'server': 'db1'}, 'offset': {'lsn': 42}}]}
                """)), MAPPER.readTree(request.getBody().utf8()));
    }

    @Test
    void createWithoutOffsetsSendsNoOffsetsField() throws Exception {
        server.enqueue(json(201, "{}"));

        client().create("s", Map.of("connector.class", "X"), List.of());

        assertFalse(MAPPER.readTree(take().getBody().utf8()).has("offsets"));
    }

    @Test
    void updateConfigPutsTheFullMap() throws Exception {
        server.enqueue(json(200, "{}"));

        client().updateConfig("orders-sink", sinkConfig(), Set.of("connection.password"));

        RecordedRequest request = take();
        assertEquals("PUT", request.getMethod());
        assertEquals(BASE + "/connectors/orders-sink/config", request.getTarget());
        assertEquals(MAPPER.valueToTree(sinkConfig()), MAPPER.readTree(request.getBody().utf8()));
    }

    @Test
    void aMaskedValueIsNeverSentBack() {
        Map<String, String> config = sinkConfig();
        config.put("connection.password", "****");

        CccException e = assertThrows(CccException.class, () -> client().updateConfig("orders-sink", config));

        assertTrue(e.getMessage().contains("connection.password"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void deletePauseResume() throws Exception {
        server.enqueue(json(200, "{\"error\":null}"));
        server.enqueue(empty(202));
        server.enqueue(empty(202));

        client().delete("a");
        client().pause("a");
        client().resume("a");

        RecordedRequest delete = take();
        assertEquals("DELETE " + BASE + "/connectors/a", delete.getMethod() + " " + delete.getTarget());
        RecordedRequest pause = take();
        assertEquals("PUT " + BASE + "/connectors/a/pause", pause.getMethod() + " " + pause.getTarget());
        RecordedRequest resume = take();
        assertEquals("PUT " + BASE + "/connectors/a/resume", resume.getMethod() + " " + resume.getTarget());
    }

    @Test
    void restartSendsNoParametersCloudDoesNotDocument() throws Exception {
        server.enqueue(empty(202));

        client().restart("a", true, true);

        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals(BASE + "/connectors/a/restart", request.getTarget(),
                "a preview endpoint with no documented query parameters: only-failed is not something Cloud promises");
        assertFalse(client().restartsOnlyFailed());
    }

    @Test
    void offsetChangesAreRequests() throws Exception {
        server.enqueue(json(202, "{}"));
        server.enqueue(json(202, "{}"));
        var offsets = List.of(new ConnectorOffsets.Entry(MAPPER.readTree("{\"kafka_topic\":\"t\",\"kafka_partition\":0}"),
                MAPPER.readTree("{\"kafka_offset\":1000}")));

        client().patchOffsets("a", offsets);
        client().resetOffsets("a");

        RecordedRequest patch = take();
        assertEquals("POST " + BASE + "/connectors/a/offsets/request", patch.getMethod() + " " + patch.getTarget());
        assertEquals(MAPPER.readTree(q("""
                {'type': 'PATCH', 'offsets': [{'partition': {'kafka_topic': 't', 'kafka_partition': 0},
                                              'offset': {'kafka_offset': 1000}}]}
                """)), MAPPER.readTree(patch.getBody().utf8()));
        RecordedRequest reset = take();
        assertEquals(MAPPER.readTree("{\"type\":\"DELETE\"}"), MAPPER.readTree(reset.getBody().utf8()));
    }

    @Test
    void validateReadsErrorCountAndPerKeyErrorsEvenOn200() throws Exception {
        server.enqueue(json(200, q("""
                {'name': 'PostgresSink', 'error_count': 2, 'configs': [
                  {'value': {'name': 'connection.host', 'value': null, 'errors': ['Missing required configuration']}},
                  {'value': {'name': 'connection.password', 'value': 'CANARY-s3cr3t-9f27',
                             'errors': ['Password CANARY-s3cr3t-9f27 is too weak']}},
                  {'value': {'name': 'tasks.max', 'value': '1', 'errors': []}}]}
                """)));

        ValidationResult result = client().validate("PostgresSink", sinkConfig(), Set.of("connection.password"));

        RecordedRequest request = take();
        assertEquals("PUT " + BASE + "/connector-plugins/PostgresSink/config/validate",
                request.getMethod() + " " + request.getTarget());
        assertFalse(result.valid());
        assertEquals(2, result.errorCount());
        assertEquals(List.of("Missing required configuration"), result.errors().get("connection.host"));
        assertFalse(result.errors().toString().contains(CANARY), result.errors().toString());
        assertFalse(result.errors().containsKey("tasks.max"));
    }

    @Test
    void validateOfAValidConfig() {
        server.enqueue(json(200, "{\"error_count\":0,\"configs\":[{\"value\":{\"name\":\"a\",\"errors\":[]}}]}"));

        assertTrue(client().validate("X", Map.of("connector.class", "X")).valid());
    }

    // ---- errors ----------------------------------------------------------------------------

    @Test
    void unauthorizedNamesTheKeyVariablesAndIsNotRetried() {
        server.enqueue(json(401, "{\"error_code\":401,\"message\":\"Unauthorized: key cloud-api-secret-0451 invalid\"}"));

        ApiException e = assertThrows(ApiException.class, () -> client().list());

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("CONFLUENT_CLOUD_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("CONFLUENT_CLOUD_API_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains(API_SECRET), "the API secret is scrubbed: " + e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void notFoundIsDistinguishable() {
        server.enqueue(json(404, "{\"error\":{\"code\":404,\"message\":\"Connector fresh not found\"}}"));

        ApiException e = assertThrows(ApiException.class, () -> client().status("fresh"));

        assertTrue(e.isNotFound());
        assertTrue(e.getMessage().contains("Connector fresh not found"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void conflictOnCreateIsReportedNotRetried() {
        server.enqueue(json(409, "{\"error_code\":409,\"message\":\"Connector orders-sink already exists\"}"));

        ApiException e = assertThrows(ApiException.class,
                () -> client().create("orders-sink", Map.of("connector.class", "X"), List.of()));

        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void badRequestInTheNestedErrorShape() {
        server.enqueue(json(400, "{\"error\":{\"code\":400,\"message\":\"Invalid value for tasks.max\"}}"));

        ApiException e = assertThrows(ApiException.class, () -> client().updateConfig("a", Map.of("tasks.max", "x")));

        assertEquals(400, e.status());
        assertEquals("Invalid value for tasks.max", e.serverMessage());
    }

    @Test
    void badRequestInTheFlatErrorShape() {
        server.enqueue(json(400, "{\"error_code\":400,\"message\":\"Connector configuration is invalid\"}"));

        ApiException e = assertThrows(ApiException.class, () -> client().updateConfig("a", Map.of("tasks.max", "x")));

        assertEquals(400, e.status());
        assertEquals("Connector configuration is invalid", e.serverMessage());
    }

    @Test
    void iamErrorShape() {
        server.enqueue(json(403, "{\"errors\":[{\"status\":\"403\",\"detail\":\"Forbidden Access\"},{\"status\":\"403\",\"title\":\"Second\"}]}"));

        ApiException e = assertThrows(ApiException.class, () -> client().list());

        assertEquals(403, e.status());
        assertEquals("Forbidden Access; Second", e.serverMessage());
    }

    @Test
    void badRequestEchoingTheSubmittedConfigNeverShowsTheSecret() {
        String echo = "Connector configuration is invalid: {\"connector.class\":\"PostgresSink\","
                + "\"connection.password\":\"" + CANARY + "\",\"tasks.max\":\"1\"} password " + CANARY + " rejected";
        String body;
        try {
            body = MAPPER.writeValueAsString(Map.of("error_code", 400, "message", echo));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        server.enqueue(json(400, body));
        server.enqueue(json(400, body));
        server.enqueue(json(400, body));

        ApiException create = assertThrows(ApiException.class,
                () -> client().create("orders-sink", sinkConfig(), List.of(), Set.of("connection.password")));
        ApiException update = assertThrows(ApiException.class,
                () -> client().updateConfig("orders-sink", sinkConfig(), Set.of("connection.password")));
        ApiException validate = assertThrows(ApiException.class,
                () -> client().validate("PostgresSink", sinkConfig(), Set.of("connection.password")));

        for (ApiException e : List.of(create, update, validate)) {
            assertEquals(400, e.status());
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
            assertFalse(e.serverMessage().contains(CANARY), e.serverMessage());
            assertTrue(e.getMessage().contains("connection.password\":\"********\""), e.getMessage());
        }
    }

    @Test
    void nonJsonErrorBodyIsScrubbedStrippedAndTruncated() {
        secrets.register(CANARY);
        String page = "<html><head><style>p{color:red}</style></head><body><h1>400 Bad Request</h1><p>password="
                + CANARY + "</p>" + "x".repeat(5000) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/html").body(page).build());

        ApiException e = assertThrows(ApiException.class, () -> client().delete("a"));

        assertEquals(400, e.status());
        assertTrue(e.serverMessage().startsWith("400 Bad Request password=********"), e.serverMessage());
        assertFalse(e.getMessage().contains(CANARY));
        assertFalse(e.getMessage().contains("<"), e.getMessage());
        assertTrue(e.serverMessage().length() < 400, "truncated: " + e.serverMessage().length());
        assertTrue(e.serverMessage().contains("more characters"), e.serverMessage());
    }

    @Test
    void emptyErrorBody() {
        server.enqueue(empty(500));

        ApiException e = assertThrows(ApiException.class, () -> client().list());

        assertEquals(500, e.status());
        assertTrue(e.getMessage().endsWith("HTTP 500."), e.getMessage());
        assertEquals(1, server.getRequestCount(), "500 is not retried");
    }

    // ---- retries ---------------------------------------------------------------------------

    @Test
    void rateLimitHonoursRetryAfterThenRetries() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"error_code\":429,\"message\":\"Too Many Requests\"}").build());
        server.enqueue(json(200, "{}"));

        long started = System.nanoTime();
        Map<String, RemoteConnector> list = client().list();
        long waitedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertTrue(list.isEmpty());
        assertEquals(2, server.getRequestCount());
        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms");
    }

    @Test
    void rateLimitOnARestartIsRetriedToo() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        server.enqueue(empty(202));

        client().restart("a", false, false);

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffAndGivesUpAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(429, "{\"error_code\":429,\"message\":\"slow down\"}"));
        }

        ApiException e = assertThrows(ApiException.class, () -> client().status("a"));

        assertEquals(429, e.status());
        assertEquals(3, server.getRequestCount());
        assertTrue(e.getMessage().contains("slow down"), e.getMessage());
    }

    @Test
    void aRetryAfterBeyondTheCeilingIsReportedNotWaitedFor() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        long started = System.nanoTime();
        ApiException e = assertThrows(ApiException.class, () -> client().list());

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000);
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("Retry-After: 3600"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void serviceUnavailableThenSuccess() {
        server.enqueue(json(503, "{\"error_code\":503,\"message\":\"unavailable\"}"));
        server.enqueue(json(502, "bad gateway"));
        server.enqueue(json(200, "{\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}"));

        assertEquals("RUNNING", client().status("a").state());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void gatewayErrorsAfterAllAttemptsAreReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                    .body("<html><body>Gateway Timeout</body></html>").build());
        }

        ApiException e = assertThrows(ApiException.class, () -> client().pause("a"));

        assertEquals(504, e.status());
        assertEquals("Gateway Timeout", e.serverMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void createThatGot503ButExistsIsNotPostedAgain() throws Exception {
        server.enqueue(json(503, "{\"error_code\":503,\"message\":\"unavailable\"}"));
        server.enqueue(json(200, "{\"name\":\"orders-sink\",\"config\":{},\"tasks\":[],\"type\":\"sink\"}"));

        client().create("orders-sink", sinkConfig(), List.of(), Set.of("connection.password"));

        assertEquals(2, server.getRequestCount());
        assertEquals("POST " + BASE + "/connectors", line(take()));
        assertEquals("GET " + BASE + "/connectors/orders-sink", line(take()));
    }

    @Test
    void createThatGot503AndDoesNotExistIsPostedAgain() throws Exception {
        server.enqueue(json(503, "{\"error_code\":503,\"message\":\"unavailable\"}"));
        server.enqueue(json(404, "{\"error_code\":404,\"message\":\"not found\"}"));
        server.enqueue(json(201, "{}"));

        client().create("orders-sink", sinkConfig(), List.of(), Set.of("connection.password"));

        assertEquals(3, server.getRequestCount());
        assertEquals("POST " + BASE + "/connectors", line(take()));
        assertEquals("GET " + BASE + "/connectors/orders-sink", line(take()));
        assertEquals("POST " + BASE + "/connectors", line(take()));
    }

    @Test
    void createWhoseAnswerTimedOutIsCheckedBeforeRepeating() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body("{}").headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(json(200, "{\"name\":\"orders-sink\"}"));

        client(Http.withReadTimeout(Duration.ofMillis(200), 3))
                .create("orders-sink", Map.of("connector.class", "X"), List.of());

        assertEquals(2, server.getRequestCount());
        assertEquals("POST " + BASE + "/connectors", line(take()));
        assertEquals("GET " + BASE + "/connectors/orders-sink", line(take()));
    }

    @Test
    void createThatConflictsAfterAnUncertainAttemptSaysItMayHaveCreatedIt() {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(404, "{}"));
        server.enqueue(json(409, "{\"error_code\":409,\"message\":\"already exists\"}"));

        ApiException e = assertThrows(ApiException.class,
                () -> client().create("orders-sink", Map.of("connector.class", "X"), List.of()));

        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("may have created it"), e.getMessage());
    }

    @Test
    void restartIsNotRetriedAfter503() {
        server.enqueue(json(503, "{\"error_code\":503,\"message\":\"unavailable\"}"));
        server.enqueue(empty(202));

        ApiException e = assertThrows(ApiException.class, () -> client().restart("a", true, true));

        assertEquals(503, e.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void offsetsRequestIsNotRetriedAfter503() throws Exception {
        server.enqueue(json(503, "{}"));

        assertThrows(ApiException.class, () -> client().resetOffsets("a"));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aDeleteRetriedAfter503ThatFindsNothingIsDone() {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(404, "{\"error_code\":404,\"message\":\"not found\"}"));

        client().delete("a");

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aDeleteOfAMissingConnectorIsNotFound() {
        server.enqueue(json(404, "{\"error_code\":404,\"message\":\"Connector a not found\"}"));

        assertTrue(assertThrows(ApiException.class, () -> client().delete("a")).isNotFound());
    }

    @Test
    void readTimeoutIsRetriedThenReported() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(1, TimeUnit.SECONDS).build());
        }

        ApiException e = assertThrows(ApiException.class,
                () -> client(Http.withReadTimeout(Duration.ofMillis(200), 2)).list());

        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("no answer in time"), e.getMessage());
        assertTrue(e.getMessage().contains("2 attempts"), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void connectionRefused() throws Exception {
        int port = Http.closedPort();
        var client = new ConfluentCloudConnectClient("http://127.0.0.1:" + port, "env-1", "lkc-1", "KEY", API_SECRET,
                FAST, secrets);

        ApiException e = assertThrows(ApiException.class, client::list);

        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("List connectors failed: cannot connect"), e.getMessage());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }

    @Test
    void missingCredentialsAreAUsageError() {
        CccException e = assertThrows(CccException.class, () -> new ConfluentCloudConnectClient(
                server.url("/").toString(), "env-1", "lkc-1", "", "", FAST, secrets));

        assertEquals(CccException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("CONFLUENT_CLOUD_API_KEY"));
    }

    private static String line(RecordedRequest request) {
        return request.getMethod() + " " + request.getTarget();
    }
}
