package ccc.client.connect;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.ApiHttp;
import ccc.client.ApiHttp.Response;
import ccc.client.ApiHttp.Retry;
import ccc.secret.Masks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;

/**
 * What Confluent Cloud's Connect API and a self-managed worker's REST API have in common: the same
 * resource paths under a base URL, the same JSON shapes, and the same rules for retrying.
 */
abstract class AbstractConnectClient implements ConnectClient {

    protected final ApiHttp http;
    protected final ObjectMapper mapper;
    private final HttpUrl base;

    AbstractConnectClient(HttpUrl base, ApiHttp http) {
        this.base = base;
        this.http = http;
        this.mapper = http.mapper();
    }

    /** The URL of the list call, with its expand parameters. */
    protected abstract HttpUrl listUrl();

    /** The connector's id in a list entry, null where the service has none. */
    protected abstract String idOf(JsonNode entry);

    /** Base URL plus path segments, each percent-encoded (a name may hold '/', '?', '%', spaces). */
    protected HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    protected HttpUrl connectorUrl(String name, String... more) {
        HttpUrl.Builder builder = url("connectors", name);
        for (String segment : more) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    @Override
    public Map<String, RemoteConnector> list() {
        String operation = "List connectors";
        JsonNode json = http.call(operation, Retry.REPEATABLE, "GET", listUrl(), null);
        if (json.isArray() && json.isEmpty()) {
            return new LinkedHashMap<>(); // an empty cluster is answered [] as well as {}
        }
        if (!json.isObject()) {
            throw new ApiException(operation, 200, "unexpected answer: expected an object keyed by connector name");
        }
        Map<String, RemoteConnector> connectors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            connectors.put(entry.getKey(), parseConnector(entry.getKey(), entry.getValue()));
        }
        return connectors;
    }

    private RemoteConnector parseConnector(String name, JsonNode entry) {
        JsonNode info = entry.path("info");
        JsonNode status = entry.path("status");
        String type = text(info, "type");
        if (type == null) {
            type = text(status, "type");
        }
        return new RemoteConnector(name, idOf(entry), type, configStrings(info.path("config")),
                status.isObject() ? parseStatus(status, name) : null);
    }

    /**
     * Config values as strings: numbers and booleans in their JSON spelling, nested JSON as text,
     * nulls left out, masked values ("****") exactly as received.
     */
    static Map<String, String> configStrings(JsonNode config) {
        Map<String, String> result = new LinkedHashMap<>();
        if (config == null || !config.isObject()) {
            return result;
        }
        for (Map.Entry<String, JsonNode> entry : config.properties()) {
            JsonNode value = entry.getValue();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            result.put(entry.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return result;
    }

    @Override
    public ConnectorStatus status(String name) {
        JsonNode json = http.call("Read status of connector '" + name + "'", Retry.REPEATABLE, "GET",
                connectorUrl(name, "status"), null);
        return parseStatus(json, name);
    }

    /** Traces and task messages are text that gets printed: scrubbed here. */
    ConnectorStatus parseStatus(JsonNode json, String name) {
        JsonNode connector = json.path("connector");
        ConnectorState state = connector.isObject()
                ? new ConnectorState(text(connector, "state"), text(connector, "worker_id"),
                        http.scrub(text(connector, "trace")))
                : null;
        List<TaskState> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            String trace = text(task, "trace");
            if (trace == null) {
                trace = text(task, "msg");
            }
            tasks.add(new TaskState(task.path("id").asInt(), text(task, "state"), text(task, "worker_id"),
                    http.scrub(trace)));
        }
        List<String> validationErrors = new ArrayList<>();
        for (JsonNode error : json.path("validation_errors")) {
            if (!error.asText().isBlank()) {
                validationErrors.add(http.scrub(error.asText()));
            }
        }
        for (JsonNode error : json.path("errors_from_trace")) {
            String text = text(error, "error");
            if (text != null && !text.isBlank() && !validationErrors.contains(http.scrub(text))) {
                validationErrors.add(http.scrub(text));
            }
        }
        String reported = text(json, "name");
        return new ConnectorStatus(reported == null ? name : reported, state, tasks, text(json, "type"),
                validationErrors);
    }

    @Override
    public void updateConfig(String name, Map<String, String> config, Set<String> sensitiveKeys) {
        String operation = "Update config of connector '" + name + "'";
        prepareConfig(operation, config, sensitiveKeys);
        http.call(operation, Retry.REPEATABLE, "PUT", connectorUrl(name, "config"), mapper.valueToTree(config));
    }

    @Override
    public void delete(String name) {
        String operation = "Delete connector '" + name + "'";
        HttpUrl url = connectorUrl(name);
        AtomicBoolean uncertain = new AtomicBoolean();
        Response response = http.send(operation, Retry.REPEATABLE,
                attempt -> noteUncertain(uncertain, () -> http.exchange("DELETE", url, null)));
        // A retried DELETE that finds nothing: the attempt that got no clear answer did the work.
        if (response.code() == 404 && uncertain.get()) {
            return;
        }
        if (!response.isSuccessful()) {
            throw http.error(operation, response);
        }
        // Cloud answers 200 {"error": null}; a non-null error is a failure whatever the status says.
        JsonNode error = http.json(operation, response).path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new ApiException(operation, response.code(), http.scrub(error.isObject()
                    ? error.path("message").asText(error.toString()) : error.asText()));
        }
    }

    @Override
    public void pause(String name) {
        http.call("Pause connector '" + name + "'", Retry.REPEATABLE, "PUT", connectorUrl(name, "pause"), null);
    }

    @Override
    public void resume(String name) {
        http.call("Resume connector '" + name + "'", Retry.REPEATABLE, "PUT", connectorUrl(name, "resume"), null);
    }

    /**
     * A restart is a POST that cannot be checked afterwards: retried only when the server surely
     * did not act (429, connection never opened), never after a 5xx or a lost answer.
     */
    @Override
    public void restart(String name, boolean includeTasks, boolean onlyFailed) {
        HttpUrl url = connectorUrl(name, "restart").newBuilder()
                .addQueryParameter("includeTasks", Boolean.toString(includeTasks))
                .addQueryParameter("onlyFailed", Boolean.toString(onlyFailed))
                .build();
        http.call("Restart connector '" + name + "'", Retry.UNPROCESSED_ONLY, "POST", url, null);
    }

    @Override
    public Set<String> plugins() {
        String operation = "List connector plugins";
        JsonNode json = http.call(operation, Retry.REPEATABLE, "GET", url("connector-plugins").build(), null);
        if (!json.isArray()) {
            throw new ApiException(operation, 200, "unexpected answer: expected a list of plugins");
        }
        Set<String> classes = new java.util.TreeSet<>();
        for (JsonNode plugin : json) {
            String name = text(plugin, "class");
            if (name != null) {
                classes.add(name);
            }
        }
        return classes;
    }

    @Override
    public ValidationResult validate(String plugin, Map<String, String> config, Set<String> sensitiveKeys) {
        String operation = "Validate config for plugin '" + plugin + "'";
        prepareConfig(operation, config, sensitiveKeys);
        HttpUrl url = url("connector-plugins", plugin, "config", "validate").build();
        JsonNode json = http.call(operation, Retry.REPEATABLE, "PUT", url, mapper.valueToTree(config));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int perKey = 0;
        Set<String> defined = new java.util.LinkedHashSet<>();
        for (JsonNode each : json.path("configs")) {
            String definedName = text(each.path("definition"), "name");
            if (definedName != null) {
                defined.add(definedName);
            }
            JsonNode value = each.path("value");
            List<String> messages = new ArrayList<>();
            for (JsonNode error : value.path("errors")) {
                if (!error.asText().isBlank()) {
                    messages.add(http.scrub(error.asText()));
                }
            }
            if (!messages.isEmpty()) {
                String key = text(value, "name");
                errors.merge(key == null ? "" : key, messages, (a, b) -> {
                    List<String> merged = new ArrayList<>(a);
                    merged.addAll(b);
                    return merged;
                });
                perKey += messages.size();
            }
        }
        int errorCount = json.has("error_count") ? json.get("error_count").asInt() : perKey;
        return new ValidationResult(errorCount, errors, defined);
    }

    @Override
    public ConnectorOffsets offsets(String name) {
        JsonNode json = http.call("Read offsets of connector '" + name + "'", Retry.REPEATABLE, "GET",
                connectorUrl(name, "offsets"), null);
        List<ConnectorOffsets.Entry> entries = new ArrayList<>();
        for (JsonNode each : json.path("offsets")) {
            entries.add(new ConnectorOffsets.Entry(each.get("partition"), each.get("offset")));
        }
        String reported = text(json, "name");
        return new ConnectorOffsets(reported == null ? name : reported, entries,
                text(json.path("metadata"), "observed_at"));
    }

    /**
     * POST /connectors, made safe to retry: after an attempt that got no clear answer (502, 503,
     * 504, lost connection, timeout) the next attempt first reads GET /connectors/{name}; if the
     * connector is there now, the create is done, if 404 the POST is sent again. A 429, or a
     * connection that was never opened, is retried without the check (nothing was processed).
     */
    protected void createConnector(String operation, String name, JsonNode body) {
        HttpUrl createUrl = url("connectors").build();
        HttpUrl probeUrl = connectorUrl(name);
        AtomicBoolean uncertain = new AtomicBoolean();
        AtomicBoolean everUncertain = new AtomicBoolean();
        AtomicBoolean foundByProbe = new AtomicBoolean();
        Response response = http.send(operation, Retry.REPEATABLE, attempt -> {
            if (uncertain.get()) {
                Response probe = http.exchange("GET", probeUrl, null);
                if (probe.isSuccessful()) {
                    foundByProbe.set(true);
                    return probe;
                }
                if (probe.code() != 404) {
                    return probe; // 5xx: retried, checking again first; anything else is reported
                }
                uncertain.set(false);
            }
            Response answer = noteUncertain(uncertain, () -> http.exchange("POST", createUrl, body));
            if (uncertain.get()) {
                everUncertain.set(true);
            }
            return answer;
        });
        if (foundByProbe.get() || response.isSuccessful()) {
            return;
        }
        ApiException error = http.error(operation, response);
        if (response.code() == 409 && everUncertain.get()) {
            throw error.within(operation, "an earlier attempt of this create got no clear answer and may have"
                    + " created it; run again to converge");
        }
        throw error;
    }

    private interface Exchange {
        Response run() throws IOException;
    }

    /** Runs one exchange and records whether its outcome leaves unknown if the server acted. */
    private static Response noteUncertain(AtomicBoolean uncertain, Exchange exchange) throws IOException {
        try {
            Response response = exchange.run();
            int code = response.code();
            if (code == 502 || code == 503 || code == 504) {
                uncertain.set(true);
            }
            return response;
        } catch (ConnectException neverSent) {
            throw neverSent;
        } catch (IOException e) {
            uncertain.set(true);
            throw e;
        }
    }

    /**
     * Registers the sensitive values before anything is sent, and refuses to send a masked value
     * back (it would replace the real secret with asterisks).
     */
    protected void prepareConfig(String operation, Map<String, String> config, Set<String> sensitiveKeys) {
        Objects.requireNonNull(config, "config");
        List<String> values = new ArrayList<>();
        for (String key : sensitiveKeys == null ? Set.<String>of() : sensitiveKeys) {
            String value = config.get(key);
            if (value != null) {
                values.add(value);
            }
        }
        http.registerSecrets(values);
        for (Map.Entry<String, String> entry : config.entrySet()) {
            if (Masks.isMasked(entry.getValue())) {
                throw new CccException(operation + " refused: the value of '" + entry.getKey()
                        + "' is a mask of asterisks as the server returns it, not the real value; sending it would "
                        + "replace the secret. Give the real value in config_sensitive.");
            }
        }
    }

    /** The body of POST /connectors, its sensitive values registered and checked first. */
    protected ObjectNode createBody(String operation, String name, Map<String, String> config,
                                    Set<String> sensitiveKeys) {
        prepareConfig(operation, config, sensitiveKeys);
        return connectorBody(name, config);
    }

    protected ObjectNode connectorBody(String name, Map<String, String> config) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", name);
        body.set("config", mapper.valueToTree(config));
        return body;
    }

    protected ArrayNode offsetsJson(List<ConnectorOffsets.Entry> offsets) {
        ArrayNode array = mapper.createArrayNode();
        for (ConnectorOffsets.Entry entry : offsets) {
            ObjectNode each = array.addObject();
            each.set("partition", entry.partition());
            each.set("offset", entry.offset());
        }
        return array;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
