package ccc.testing;

import ccc.output.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A small stateful fake of a self-managed Kafka Connect worker's REST API, for the CLI tests that need one without
 * starting Kafka: the expanded list, status, pause/resume/stop, and offsets (KIP-875: changed only while STOPPED, as
 * a real worker insists). {@link #calls} records every request as "METHOD /path".
 */
public final class FakeWorker extends Dispatcher implements AutoCloseable {

    /** One connector of the worker. */
    public static final class Connector {
        public final String type;
        public final Map<String, String> config;
        public volatile String state = "RUNNING";
        public volatile ArrayNode offsets = Json.MAPPER.createArrayNode();

        Connector(String type, Map<String, String> config) {
            this.type = type;
            this.config = config;
        }
    }

    public final Map<String, Connector> connectors = Collections.synchronizedMap(new TreeMap<>());
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final MockWebServer server = new MockWebServer();

    public FakeWorker() throws IOException {
        server.setDispatcher(this);
        server.start();
    }

    public String url() {
        return server.url("/").toString().replaceAll("/+$", "");
    }

    public Connector put(String name, String type, Map<String, String> config) {
        Connector connector = new Connector(type, config);
        connectors.put(name, connector);
        return connector;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        calls.add(method + " " + path);
        if (method.equals("GET") && path.equals("/connectors")) {
            ObjectNode list = Json.MAPPER.createObjectNode();
            synchronized (connectors) {
                connectors.forEach((name, connector) -> {
                    ObjectNode entry = list.putObject(name);
                    ObjectNode info = entry.putObject("info");
                    info.put("name", name);
                    info.put("type", connector.type);
                    ObjectNode config = info.putObject("config");
                    connector.config.forEach(config::put);
                    config.put("name", name);
                    entry.set("status", status(name, connector));
                });
            }
            return json(200, list);
        }
        if (method.equals("GET") && path.equals("/connector-plugins")) {
            return json(200, Json.MAPPER.createArrayNode());
        }
        String[] parts = path.split("/");
        Connector connector = parts.length >= 3 ? connectors.get(parts[2]) : null;
        if (connector == null) {
            return error(404, "Connector " + (parts.length >= 3 ? parts[2] : "") + " not found");
        }
        String name = parts[2];
        String action = parts.length >= 4 ? parts[3] : "";
        switch (method + " " + action) {
            case "GET status" -> {
                return json(200, status(name, connector));
            }
            case "PUT stop" -> {
                connector.state = "STOPPED";
                return new MockResponse.Builder().code(204).build();
            }
            case "PUT pause" -> {
                connector.state = "PAUSED";
                return new MockResponse.Builder().code(202).build();
            }
            case "PUT resume" -> {
                connector.state = "RUNNING";
                return new MockResponse.Builder().code(202).build();
            }
            case "GET offsets" -> {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.set("offsets", connector.offsets);
                return json(200, body);
            }
            case "PATCH offsets", "DELETE offsets" -> {
                if (!connector.state.equals("STOPPED")) {
                    return error(400, "Connectors must be in the STOPPED state before their offsets can be modified");
                }
                if (method.equals("DELETE")) {
                    connector.offsets = Json.MAPPER.createArrayNode();
                } else {
                    try {
                        JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
                        connector.offsets = (ArrayNode) body.path("offsets");
                    } catch (IOException e) {
                        return error(400, "Cannot parse the request body");
                    }
                }
                return json(200, Json.MAPPER.createObjectNode().put("message", "The offsets for this connector have "
                        + "been " + (method.equals("DELETE") ? "reset" : "altered") + " successfully"));
            }
            default -> {
                return error(404, "no " + method + " " + path);
            }
        }
    }

    private static ObjectNode status(String name, Connector connector) {
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.put("name", name);
        status.putObject("connector").put("state", connector.state).put("worker_id", "w1");
        ArrayNode tasks = status.putArray("tasks");
        if (!connector.state.equals("STOPPED")) {
            tasks.addObject().put("id", 0).put("state", connector.state).put("worker_id", "w1");
        }
        status.put("type", connector.type);
        return status;
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse error(int code, String message) {
        return json(code, Json.MAPPER.createObjectNode().put("error_code", code).put("message", message));
    }
}
