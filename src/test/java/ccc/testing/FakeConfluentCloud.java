package ccc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stateful imitation of Confluent Cloud's Connect v1 and IAM v2 APIs, and of a Vault KV v2
 * mount, following ../shared/docs/confluent-cloud-api.md: secrets come back masked, server keys
 * are added to every config, pause and resume take effect only after some status polls, and
 * failures (429, 503) can be injected.
 */
public final class FakeConfluentCloud extends Dispatcher implements AutoCloseable {

    public static final String ENV = "env-abc123";
    public static final String CLUSTER = "lkc-xyz789";
    public static final String MASK = "****************";
    private static final String BASE = "/connect/v1/environments/" + ENV + "/clusters/" + CLUSTER;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One connector as the fake cluster keeps it (config unmasked, as the real service does). */
    public static final class Connector {
        public final String name;
        public final String id;
        public final Map<String, String> config;
        public String state = "RUNNING";
        public String pendingState;
        public int pollsUntilState;
        public String trace;
        public final List<String> taskStates = new ArrayList<>(List.of("RUNNING"));
        public final List<String> taskTraces = new ArrayList<>(java.util.Arrays.asList((String) null));
        /** Offsets as the API shows them: [{"partition": {...}, "offset": {...}}]. */
        public ArrayNode offsets = JSON.createArrayNode();
        public String offsetPhase;
        public ArrayNode pendingOffsets;
        public int offsetPolls;
        /** The latest offsets request: its type and requested_at, as its status shows them. */
        public String offsetRequestType;
        public String offsetRequestedAt;
        /** Status reads that still describe an earlier request before this one's shows. */
        public int staleStatusReads;

        Connector(String name, String id, Map<String, String> config) {
            this.name = name;
            this.id = id;
            this.config = new LinkedHashMap<>(config);
        }
    }

    private final MockWebServer server = new MockWebServer();
    public final Map<String, Connector> connectors = Collections.synchronizedMap(new TreeMap<>());
    /** Config keys the fake treats as plugin PASSWORD type: returned masked. */
    public final Set<String> passwordKeys = Collections.synchronizedSet(new HashSet<>());
    public final Map<String, String> serviceAccounts = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, Map<String, String>> vaultSecrets = Collections.synchronizedMap(new HashMap<>());
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger injected429 = new AtomicInteger();
    private final AtomicInteger injected503 = new AtomicInteger();
    /** Status polls a pause or resume takes before the state changes. */
    public volatile int asyncPolls = 1;
    /** When set, only this Cloud API key and secret are accepted. */
    public volatile String apiKey;
    public volatile String apiSecret;
    /** Status polls an offsets request stays PENDING before it ends. */
    public volatile int offsetPolls = 2;
    /** When true, offsets requests end FAILED. */
    public volatile boolean failOffsetRequests;
    /** Restarting a connector sets its tasks to this state. */
    public volatile String stateAfterRestart = "RUNNING";
    /** When set, a created connector of this class ends FAILED with a trace that echoes its config. */
    public volatile String failingClass;
    /** When set, creating a connector with this class is answered 400 echoing the submitted config. */
    public volatile String rejectedClass;
    /**
     * Values the cluster refuses (a topic that does not exist, say), with why: a create holding one is answered 400
     * with Kafka Connect's message for an invalid config, one line per error.
     */
    public final Map<String, String> invalidValues = Collections.synchronizedMap(new HashMap<>());
    /**
     * The keys each connector class defines, as its validate call answers them. Like Confluent
     * Cloud, the fake accepts any other key on create and update and then drops it: it is never
     * stored and never returned. A class without an entry keeps every key.
     */
    public final Map<String, Set<String>> pluginKeys = Collections.synchronizedMap(new HashMap<>(Map.of(
            "AzureBlobSink", keys(COMMON_KEYS, "topics", "topics.regex", "input.data.format", "output.data.format",
                    "azblob.account.name", "azblob.account.key", "azblob.container.name", "topics.dir", "path.format",
                    "time.interval", "rotate.schedule.interval.ms", "rotate.interval.ms", "flush.size", "timezone",
                    "locale", "timestamp.field", "errors.tolerance", "errors.deadletterqueue.topic.name",
                    "max.poll.interval.ms", "value.converter.decimal.format"),
            "DatagenSource", keys(COMMON_KEYS, "kafka.topic", "output.data.format", "quickstart", "schema.string",
                    "schema.keyfield", "max.interval", "iterations", "output.key.format"))));
    /** When true, every key is kept, as a class that defines all of them would (ccc's digest key included). */
    public volatile boolean keepUndefinedKeys;
    /** When true, Vault refuses writes (a token that may only read). */
    public volatile boolean vaultReadOnly;
    /** Answer the list of an empty cluster as [] rather than {} (both are seen). */
    public volatile boolean emptyListAsArray;
    /** When set, DELETE answers 200 with this non-null error. */
    public volatile String deleteError;
    /** Validate calls answered so far. */
    public final AtomicInteger validateCalls = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger requestClock = new AtomicInteger();

    private static final List<String> COMMON_KEYS = List.of("name", "connector.class", "kafka.auth.mode",
            "kafka.api.key", "kafka.api.secret", "kafka.service.account.id", "tasks.max");

    private static Set<String> keys(List<String> common, String... more) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    public FakeConfluentCloud() throws IOException {
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelay());
        server.start();
    }

    /**
     * Sockets that send each write at once, as the real services' do (Go's net/http, for one). MockWebServer
     * flushes a response's headers and its body apart: with Nagle's algorithm the body waited for the
     * client's delayed ACK, about 40 ms on every request of a kept-alive connection.
     */
    private static final class NoDelay extends javax.net.ServerSocketFactory {

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws IOException {
            throw new UnsupportedOperationException();
        }
    }

    public String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The environment a ccc run needs to use this fake for Confluent Cloud and Vault (mutable). */
    public Map<String, String> env(String apiSecret, String vaultToken) {
        Map<String, String> env = new HashMap<>();
        env.put("CONFLUENT_CLOUD_API_URL", url());
        env.put("CONFLUENT_CLOUD_API_KEY", "KEYABCDEF");
        env.put("CONFLUENT_CLOUD_API_SECRET", apiSecret);
        env.put("VAULT_ADDR", url());
        env.put("VAULT_TOKEN", vaultToken);
        return env;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Answers the next n Connect requests with 429 and Retry-After: 1. */
    public void inject429(int n) {
        injected429.set(n);
    }

    public void inject503(int n) {
        injected503.set(n);
    }

    public Connector put(String name, Map<String, String> config) {
        Connector connector = new Connector(name, "lcc-" + ids.incrementAndGet(), config);
        connectors.put(name, connector);
        return connector;
    }

    public long count(String methodAndPathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(methodAndPathPrefix)).count();
        }
    }

    /** Requests that change the cluster (everything but GET and the read-only validate PUT). */
    public List<String> writes() {
        synchronized (requests) {
            return requests.stream().filter(r -> !r.startsWith("GET ") && !r.contains("/config/validate")).toList();
        }
    }

    /** What a class keeps of a config: the keys it defines (all of them without an entry, or when told to). */
    private Map<String, String> stored(Map<String, String> config) {
        Set<String> defined = pluginKeys.get(config.get("connector.class"));
        if (defined == null || keepUndefinedKeys) {
            return config;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (defined.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** Wall time added to every answer, as a remote API's round trip would (the benchmark's 50 ms); 0 in tests. */
    public volatile long latencyMillis;
    /** "remote nanoTime METHOD target" as each request arrives, "remote nanoTime done" as it is answered. */
    public final List<String> answered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new java.util.concurrent.ConcurrentHashMap<>();

    /** Which remote a request path is for: "vault", "iam" (IAM and the organization API) or "connect". */
    public static String remote(String path) {
        if (path.startsWith("/v1/")) {
            return "vault";
        }
        return path.startsWith("/iam/") || path.startsWith("/org/") ? "iam" : "connect";
    }

    /** The most requests to {@code remote} (see {@link #remote}) answered at once since {@link #resetInFlight}. */
    public int mostInFlight(String remote) {
        AtomicInteger most = mostInFlight.get(remote);
        return most == null ? 0 : most.get();
    }

    public void resetInFlight() {
        mostInFlight.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String remote = remote(request.getUrl().encodedPath());
        answered.add(remote + " " + System.nanoTime() + " " + request.getMethod() + " " + request.getTarget());
        AtomicInteger now = inFlight.computeIfAbsent(remote, r -> new AtomicInteger());
        int current = now.incrementAndGet();
        mostInFlight.computeIfAbsent(remote, r -> new AtomicInteger()).accumulateAndGet(current, Math::max);
        try {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            return answer(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        } finally {
            now.decrementAndGet();
            answered.add(remote + " " + System.nanoTime() + " done");
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        requests.add(method + " " + request.getTarget());
        bodies.add(body);
        try {
            if (path.startsWith("/v1/")) {
                return vault(request, path);
            }
            String authorization = request.getHeaders().get("Authorization");
            if (authorization == null || (apiKey != null
                    && !authorization.equals(okhttp3.Credentials.basic(apiKey, apiSecret)))) {
                return error(401, "Unauthorized");
            }
            if (prerequisitesPath(path)) {
                return prerequisites(request, path);
            }
            if (path.startsWith("/iam/v2/service-accounts")) {
                return serviceAccounts();
            }
            if (!path.startsWith(BASE)) {
                return error(404, "no such environment or cluster: " + path);
            }
            if (injected429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                        .addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"code\":429,\"message\":\"Too Many Requests\"}}").build();
            }
            if (injected503.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return error(503, "Service Unavailable");
            }
            return connect(method, path.substring(BASE.length()), request, body);
        } catch (IOException e) {
            return error(400, "bad JSON: " + e.getMessage());
        }
    }

    private MockResponse connect(String method, String path, RecordedRequest request, String body) throws IOException {
        if (path.equals("/connector-plugins") && method.equals("GET")) {
            return plugins();
        }
        if (path.startsWith("/connector-plugins/") && path.endsWith("/config/validate") && method.equals("PUT")) {
            return validate(path.substring("/connector-plugins/".length(), path.length() - "/config/validate".length()),
                    JSON.readTree(body));
        }
        if (path.equals("/connectors") && method.equals("GET")) {
            if (emptyListAsArray && connectors.isEmpty()) {
                return json(200, JSON.createArrayNode());
            }
            ObjectNode all = JSON.createObjectNode();
            synchronized (connectors) {
                for (Connector connector : connectors.values()) {
                    ObjectNode node = all.putObject(connector.name);
                    ObjectNode id = node.putObject("id");
                    id.put("id", connector.id);
                    id.put("id_type", "ID");
                    ObjectNode info = node.putObject("info");
                    info.put("name", connector.name);
                    info.set("config", returnedConfig(connector));
                    info.put("type", type(connector));
                    node.set("status", status(connector, true));
                    node.putObject("extensions");
                }
            }
            return json(200, all);
        }
        if (path.equals("/connectors") && method.equals("POST")) {
            JsonNode request0 = JSON.readTree(body);
            String name = request0.path("name").asText();
            Map<String, String> config = new LinkedHashMap<>();
            request0.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            if (connectors.containsKey(name)) {
                return error(409, "Connector " + name + " already exists");
            }
            if (!config.containsKey("connector.class")) {
                return error(400, "Missing required configuration \"connector.class\"");
            }
            if (config.get("connector.class").equals(rejectedClass)) {
                return error(400, "Invalid configuration for connector " + name + ": " + request0.path("config"));
            }
            List<String> invalid = config.entrySet().stream().filter(e -> invalidValues.containsKey(e.getValue()))
                    .map(e -> "Invalid value " + e.getValue() + " for configuration " + e.getKey() + ": "
                            + invalidValues.get(e.getValue())).toList();
            if (!invalid.isEmpty()) {
                return error(400, "Connector configuration is invalid and contains the following " + invalid.size()
                        + " error(s):\n" + String.join("\n", invalid) + "\nYou can also find the above list of errors at "
                        + "the endpoint `/connector-plugins/{connectorType}/config/validate`");
            }
            for (String value : config.values()) {
                if (value.matches("^\\*{2,}$")) {
                    return error(400, "a masked value was sent back");
                }
            }
            Connector connector = put(name, stored(config));
            created(connector, request0);
            if (config.get("connector.class").equals(failingClass)) {
                connector.state = "FAILED";
                connector.trace = "org.apache.kafka.common.config.ConfigException: cannot connect with " + config;
            }
            ObjectNode created = JSON.createObjectNode();
            created.put("name", name);
            created.set("config", returnedConfig(connector));
            created.putArray("tasks");
            created.put("type", type(connector));
            return json(201, created);
        }
        String[] parts = path.split("/");
        if (parts.length < 3 || !parts[1].equals("connectors")) {
            return error(404, "unknown path " + path);
        }
        String name = java.net.URLDecoder.decode(parts[2], java.nio.charset.StandardCharsets.UTF_8);
        String rest = parts.length > 3 ? String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "";
        Connector connector = connectors.get(name);
        if (connector == null) {
            return error(404, "Connector " + name + " not found");
        }
        switch (method + " " + rest) {
            case "GET " -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("name", name);
                node.set("config", returnedConfig(connector));
                node.put("type", type(connector));
                return json(200, node);
            }
            case "GET config" -> {
                return json(200, returnedConfig(connector));
            }
            case "GET status" -> {
                return json(200, status(connector, true));
            }
            case "PUT config" -> {
                JsonNode config = JSON.readTree(body);
                Map<String, String> replaced = new LinkedHashMap<>();
                config.properties().forEach(e -> replaced.put(e.getKey(), e.getValue().asText()));
                for (String value : replaced.values()) {
                    if (value.matches("^\\*{2,}$")) {
                        return error(400, "a masked value was sent back");
                    }
                }
                connector.config.clear();
                connector.config.putAll(stored(replaced));
                ObjectNode node = JSON.createObjectNode();
                node.put("name", name);
                node.set("config", returnedConfig(connector));
                return json(200, node);
            }
            case "DELETE " -> {
                if (deleteError != null) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"error\":\"" + deleteError + "\"}").build();
                }
                connectors.remove(name);
                events.add("DELETE " + name);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"error\":null}").build();
            }
            case "PUT pause" -> {
                connector.pendingState = "PAUSED";
                connector.pollsUntilState = asyncPolls;
                return new MockResponse.Builder().code(202).build();
            }
            case "PUT resume" -> {
                connector.pendingState = "RUNNING";
                connector.pollsUntilState = asyncPolls;
                return new MockResponse.Builder().code(202).build();
            }
            case "POST restart" -> {
                connector.pendingState = stateAfterRestart;
                connector.pollsUntilState = asyncPolls;
                java.util.Collections.fill(connector.taskStates, stateAfterRestart);
                return new MockResponse.Builder().code(202).build();
            }
            case "GET offsets" -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", connector.id);
                node.put("name", name);
                node.set("offsets", connector.offsets);
                node.putObject("metadata").put("observed_at", "2026-11-24T10:00:00Z");
                return json(200, node);
            }
            case "POST offsets/request" -> {
                JsonNode request0 = JSON.readTree(body);
                if (connector.offsetPhase != null && connector.offsetPhase.startsWith("PENDING")) {
                    return error(409, "an offsets request is already in progress");
                }
                connector.pendingOffsets = "DELETE".equals(request0.path("type").asText())
                        ? JSON.createArrayNode() : (ArrayNode) request0.path("offsets");
                connector.offsetPhase = "PENDING";
                connector.offsetPolls = offsetPolls;
                connector.offsetRequestType = request0.path("type").asText();
                connector.offsetRequestedAt = java.time.Instant.now().plusMillis(requestClock.incrementAndGet())
                        .toString();
                ObjectNode accepted = JSON.createObjectNode();
                accepted.put("id", connector.id);
                accepted.put("name", name);
                accepted.set("offsets", connector.pendingOffsets);
                accepted.put("requested_at", connector.offsetRequestedAt);
                accepted.put("type", connector.offsetRequestType);
                return json(202, accepted);
            }
            case "GET offsets/request/status" -> {
                if (connector.offsetPhase == null) {
                    return error(404, "no offsets request for " + name);
                }
                if (connector.offsetPhase.startsWith("PENDING") && --connector.offsetPolls <= 0) {
                    if (failOffsetRequests) {
                        connector.offsetPhase = "FAILED";
                    } else {
                        connector.offsetPhase = "APPLIED";
                        connector.offsets = connector.pendingOffsets;
                    }
                } else if (connector.offsetPhase.equals("PENDING")) {
                    connector.offsetPhase = "PENDING_VALIDATION";
                }
                ObjectNode node = JSON.createObjectNode();
                ObjectNode described = node.putObject("request");
                if (connector.staleStatusReads > 0) {
                    connector.staleStatusReads--;
                    described.put("type", "PATCH");
                    described.put("requested_at", "2020-01-01T00:00:00Z");
                    node.putObject("status").put("phase", "APPLIED");
                    return json(200, node);
                }
                described.put("type", connector.offsetRequestType);
                described.put("requested_at", connector.offsetRequestedAt);
                ObjectNode status = node.putObject("status");
                status.put("phase", connector.offsetPhase);
                status.put("message", "FAILED".equals(connector.offsetPhase) ? "offsets are out of range" : "");
                return json(200, node);
            }
            default -> {
                return error(404, "unknown path " + path);
            }
        }
    }

    /** Masks of different lengths on different reads, as recorded answers (16) and the API's examples (4-12) show. */
    private String mask() {
        return "*".repeat(List.of(16, 8, 12, 4).get(reads.getAndIncrement() % 4));
    }

    private ObjectNode returnedConfig(Connector connector) {
        ObjectNode config = JSON.createObjectNode();
        String mask = mask();
        connector.config.forEach((key, value) -> config.put(key, passwordKeys.contains(key) ? mask : value));
        config.put("cloud.environment", "prod");
        config.put("cloud.provider", "azure");
        config.put("connector.crn", "crn://confluent.cloud/connector=" + connector.id);
        config.put("kafka.endpoint", "SASL_SSL://pkc-1.westeurope.azure.confluent.cloud:9092");
        config.put("kafka.region", "westeurope");
        config.put("kafka.dedicated", "false");
        config.put("kafka.max.partition.validation.disable", "false");
        config.put("kafka.user.id", "u-abc123");
        config.put("valid.kafka.api.key", "true");
        config.put("confluent.resource.connector.tier", "STANDARD");
        config.put("config.internal.capacity", "1");
        config.put("name", connector.name);
        return config;
    }

    /** PUT /connector-plugins/{class}/config/validate: 200 with one entry per key the class defines. */
    private MockResponse validate(String plugin, JsonNode config) {
        validateCalls.incrementAndGet();
        Set<String> defined = pluginKeys.get(plugin);
        Set<String> keys = new java.util.TreeSet<>(defined != null ? defined : new HashSet<>());
        if (defined == null) {
            config.properties().forEach(e -> keys.add(e.getKey()));
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("name", plugin);
        answer.putArray("groups").add("How should we connect to your data?");
        answer.put("error_count", validationErrorCount(plugin));
        ArrayNode configs = answer.putArray("configs");
        for (String key : keys) {
            ObjectNode entry = configs.addObject();
            ObjectNode definition = entry.putObject("definition");
            definition.put("name", key);
            definition.put("type", passwordKeys.contains(key) ? "PASSWORD" : "STRING");
            definition.put("required", false);
            ObjectNode value = entry.putObject("value");
            value.put("name", key);
            value.put("value", config.has(key) ? (passwordKeys.contains(key) ? mask() : config.get(key).asText()) : "");
            validationErrors(plugin, key, value.putArray("errors"));
            value.put("visible", true);
            entry.putObject("metadata");
        }
        return json(200, answer);
    }

    private static String type(Connector connector) {
        return connector.config.getOrDefault("connector.class", "").toLowerCase().contains("sink") ? "sink" : "source";
    }

    private ObjectNode status(Connector connector, boolean poll) {
        if (poll && connector.pendingState != null && --connector.pollsUntilState <= 0) {
            connector.state = connector.pendingState;
            connector.pendingState = null;
        }
        if (poll) {
            events.add("shown " + connector.name + " " + connector.state);
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("name", connector.name);
        ObjectNode state = status.putObject("connector");
        state.put("state", connector.state);
        state.put("worker_id", connector.name);
        state.put("trace", connector.trace == null ? "" : connector.trace);
        ArrayNode tasks = status.putArray("tasks");
        for (int i = 0; i < connector.taskStates.size(); i++) {
            ObjectNode task = tasks.addObject();
            task.put("id", i);
            task.put("state", "PAUSED".equals(connector.state) ? "PAUSED" : connector.taskStates.get(i));
            task.put("worker_id", connector.name);
            task.put("msg", "");
            String taskTrace = i < connector.taskTraces.size() ? connector.taskTraces.get(i) : null;
            if (taskTrace != null) {
                task.put("trace", taskTrace);
            }
        }
        status.put("type", type(connector));
        return status;
    }

    // ---------------------------------------------------------------- offsets at creation (moves, migrations)

    /**
     * What happened, in order, for tests of ordering: "created NAME with N offsets", "shown NAME
     * STATE" for every status answered (list or single), "DELETE NAME".
     */
    public final List<String> events = Collections.synchronizedList(new ArrayList<>());
    /** The {@code offsets} of each create request, by connector name (an empty array when none were sent). */
    public final Map<String, ArrayNode> offsetsAtCreate = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Status polls a created connector stays PROVISIONING before it runs (0: RUNNING at once). */
    public volatile int provisioningPolls;

    /** POST /connectors: the offsets it carries are where the connector starts, as Cloud does. */
    private void created(Connector connector, JsonNode request) {
        JsonNode offsets = request.path("offsets");
        ArrayNode given = offsets.isArray() ? (ArrayNode) offsets : JSON.createArrayNode();
        offsetsAtCreate.put(connector.name, given.deepCopy());
        connector.offsets = given.deepCopy();
        events.add("created " + connector.name + " with " + given.size() + " offsets");
        if (provisioningPolls > 0) {
            connector.state = "PROVISIONING";
            connector.pendingState = "RUNNING";
            connector.pollsUntilState = provisioningPolls;
        }
    }

    private MockResponse serviceAccounts() {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        serviceAccounts.forEach((displayName, id) -> {
            ObjectNode account = data.addObject();
            account.put("id", id);
            account.put("display_name", displayName);
        });
        sharedNames.forEach((id, displayName) -> data.addObject().put("id", id).put("display_name", displayName));
        page.putObject("metadata").putNull("next");
        return json(200, page);
    }

    private MockResponse vault(RecordedRequest request, String path) {
        if (request.getHeaders().get("X-Vault-Token") == null) {
            return new MockResponse.Builder().code(403).body("{\"errors\":[\"permission denied\"]}").build();
        }
        String prefix = "/v1/secret/data/";
        if (!path.startsWith(prefix)) {
            return new MockResponse.Builder().code(404).body("{\"errors\":[]}").build();
        }
        if (request.getMethod().equals("POST") || request.getMethod().equals("PUT")) {
            if (vaultReadOnly) {
                return new MockResponse.Builder().code(403).body("{\"errors\":[\"permission denied\"]}").build();
            }
            try {
                Map<String, String> written = new LinkedHashMap<>();
                JSON.readTree(request.getBody().utf8()).path("data").properties()
                        .forEach(e -> written.put(e.getKey(), e.getValue().asText()));
                vaultSecrets.put(path.substring(prefix.length()), written);
            } catch (IOException e) {
                return new MockResponse.Builder().code(400).body("{\"errors\":[\"bad JSON\"]}").build();
            }
            return json(200, JSON.createObjectNode().putObject("data").put("version", 2));
        }
        Map<String, String> secret = vaultSecrets.get(path.substring(prefix.length()));
        if (secret == null) {
            return new MockResponse.Builder().code(404).body("{\"errors\":[]}").build();
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        ObjectNode inner = data.putObject("data");
        secret.forEach(inner::put);
        data.putObject("metadata").put("version", 1);
        return json(200, root);
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse error(int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return json(code, body);
    }

    // ---------------------------------------------------------------------------------------------
    // Prerequisites (ccc doctor): role bindings, the environment's CRN, the plugin list and validate's
    // field errors. Topics and subjects live on other endpoints: see FakeDataPlane.
    // ---------------------------------------------------------------------------------------------

    public static final String ORGANIZATION = "0a1b2c3d-1111-2222-3333-444455556666";
    public static final String ENV_CRN = "crn://confluent.cloud/organization=" + ORGANIZATION + "/environment=" + ENV;
    /** The CRN of the cluster's resources: add /topic=..., /group=... */
    public static final String KAFKA_CRN = ENV_CRN + "/cloud-cluster=" + CLUSTER + "/kafka=" + CLUSTER;

    /** One role binding as IAM v2 keeps it. */
    public record Binding(String id, String principal, String role, String crnPattern) {
    }

    /** Every role binding of the organization, listed a page of {@link #roleBindingPageSize} at a time. */
    public final List<Binding> roleBindings = Collections.synchronizedList(new ArrayList<>());
    public volatile int roleBindingPageSize = 100;
    /** The classes GET /connector-plugins lists; empty: those of {@link #pluginKeys}. */
    public final Set<String> plugins = Collections.synchronizedSet(new java.util.TreeSet<>());
    /** Field errors the validate call reports: class, then key, then messages. */
    public final Map<String, Map<String, List<String>>> validationErrors = Collections.synchronizedMap(new HashMap<>());

    /** More service accounts, by id: their display names may repeat others' (which IAM allows). */
    public final Map<String, String> sharedNames = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Grants {@code role} on {@code crnPattern} to User:{@code serviceAccount}. */
    public Binding grant(String serviceAccount, String role, String crnPattern) {
        Binding binding = new Binding("rb-" + ids.incrementAndGet(), "User:" + serviceAccount, role, crnPattern);
        roleBindings.add(binding);
        return binding;
    }

    private static boolean prerequisitesPath(String path) {
        return path.startsWith("/iam/v2/role-bindings") || path.startsWith("/org/v2/environments/");
    }

    private MockResponse prerequisites(RecordedRequest request, String path) {
        if (path.startsWith("/org/v2/environments/")) {
            String id = path.substring("/org/v2/environments/".length());
            if (!id.equals(ENV)) {
                return error(404, "environment " + id + " not found");
            }
            ObjectNode environment = JSON.createObjectNode();
            environment.put("api_version", "org/v2");
            environment.put("kind", "Environment");
            environment.put("id", ENV);
            environment.putObject("metadata").put("resource_name", ENV_CRN);
            environment.put("display_name", "dev");
            return json(200, environment);
        }
        String pattern = request.getUrl().queryParameter("crn_pattern");
        if (pattern == null) {
            return error(400, "crn_pattern is required");
        }
        List<Binding> matching;
        synchronized (roleBindings) {
            matching = roleBindings.stream().filter(binding -> pattern.endsWith("/*")
                    ? binding.crnPattern().startsWith(pattern.substring(0, pattern.length() - 1))
                            || binding.crnPattern().equals(pattern.substring(0, pattern.length() - 2))
                    : binding.crnPattern().equals(pattern)).toList();
        }
        String token = request.getUrl().queryParameter("page_token");
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(matching.size(), from + roleBindingPageSize);
        ObjectNode page = JSON.createObjectNode();
        page.put("api_version", "iam/v2");
        page.put("kind", "RoleBindingList");
        ObjectNode metadata = page.putObject("metadata");
        if (to < matching.size()) {
            metadata.put("next", request.getUrl().newBuilder().setQueryParameter("page_token", String.valueOf(to))
                    .build().toString());
        } else {
            metadata.putNull("next");
        }
        ArrayNode data = page.putArray("data");
        for (Binding binding : matching.subList(from, to)) {
            ObjectNode node = data.addObject();
            node.put("api_version", "iam/v2");
            node.put("kind", "RoleBinding");
            node.put("id", binding.id());
            node.put("principal", binding.principal());
            node.put("role_name", binding.role());
            node.put("crn_pattern", binding.crnPattern());
        }
        return json(200, page);
    }

    private MockResponse plugins() {
        ArrayNode list = JSON.createArrayNode();
        Set<String> classes = new java.util.TreeSet<>(plugins.isEmpty() ? pluginKeys.keySet() : plugins);
        for (String connectorClass : classes) {
            ObjectNode plugin = list.addObject();
            plugin.put("class", connectorClass);
            plugin.put("type", connectorClass.toLowerCase().contains("sink") ? "sink" : "source");
        }
        return json(200, list);
    }

    private int validationErrorCount(String plugin) {
        return validationErrors.getOrDefault(plugin, Map.of()).values().stream().mapToInt(List::size).sum();
    }

    private void validationErrors(String plugin, String key, ArrayNode errors) {
        validationErrors.getOrDefault(plugin, Map.of()).getOrDefault(key, List.of()).forEach(errors::add);
    }
}
