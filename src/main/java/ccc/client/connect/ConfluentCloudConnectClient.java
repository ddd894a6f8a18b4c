package ccc.client.connect;

import ccc.CccException;
import ccc.client.ApiHttp;
import ccc.client.ApiHttp.Retry;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * Confluent Cloud's Connect API (v1) for one cluster:
 * {@code {apiBaseUrl}/connect/v1/environments/{env}/clusters/{lkc}}, HTTP Basic with a Cloud API key.
 *
 * <p>Retries (see {@link ApiHttp}): GET, PUT and DELETE on 429, 502, 503, 504 and I/O failures;
 * create (POST) likewise but only after GET /connectors/{name} shows the previous attempt did not
 * create it; restart and offsets requests (POSTs that cannot be checked) only on 429 or a
 * connection that was never opened.
 */
public final class ConfluentCloudConnectClient extends AbstractConnectClient {

    public ConfluentCloudConnectClient(String apiBaseUrl, String environmentId, String clusterId, String apiKey,
                                       String apiSecret, HttpSettings http, SecretRegistry secrets) {
        super(base(apiBaseUrl, environmentId, clusterId), new ApiHttp(http, register(secrets, apiSecret),
                credentials(apiKey, apiSecret), null));
    }

    private static HttpUrl base(String apiBaseUrl, String environmentId, String clusterId) {
        HttpUrl root = HttpUrl.parse(apiBaseUrl == null ? "" : apiBaseUrl);
        if (root == null) {
            throw CccException.usage("Confluent Cloud API URL '" + apiBaseUrl + "' is not an http(s) URL.");
        }
        if (environmentId == null || environmentId.isBlank() || clusterId == null || clusterId.isBlank()) {
            throw CccException.usage("An environment id (env-...) and a Kafka cluster id (lkc-...) are needed to reach Connect.");
        }
        return root.newBuilder().addPathSegments("connect/v1/environments").addPathSegment(environmentId)
                .addPathSegment("clusters").addPathSegment(clusterId).build();
    }

    private static SecretRegistry register(SecretRegistry secrets, String apiSecret) {
        secrets.register(apiSecret);
        return secrets;
    }

    private static String credentials(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw CccException.usage("Set CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET to a Cloud API key and its secret.");
        }
        return Credentials.basic(apiKey, apiSecret);
    }

    /** One call for the whole cluster; the comma form of {@code expand} is what Cloud documents. */
    @Override
    protected HttpUrl listUrl() {
        return url("connectors").addEncodedQueryParameter("expand", "info,status,id").build();
    }

    @Override
    protected String idOf(JsonNode entry) {
        JsonNode id = entry.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isObject() ? text(id, "id") : id.asText();
    }

    /** POST /connectors with {@code offsets} when given: the connector starts where they say. */
    @Override
    public void create(String name, Map<String, String> config, List<ConnectorOffsets.Entry> offsets,
                       Set<String> sensitiveKeys) {
        String operation = "Create connector '" + name + "'";
        ObjectNode body = createBody(operation, name, config, sensitiveKeys);
        if (offsets != null && !offsets.isEmpty()) {
            body.set("offsets", offsetsJson(offsets));
        }
        createConnector(operation, name, body);
    }

    @Override
    public boolean restartsOnlyFailed() {
        return false;
    }

    /**
     * POST /connectors/{name}/restart with no parameters: the endpoint documents none, so the whole
     * connector is restarted, whatever was asked. Retried only when the server surely did not act.
     */
    @Override
    public void restart(String name, boolean includeTasks, boolean onlyFailed) {
        http.call("Restart connector '" + name + "'", Retry.UNPROCESSED_ONLY, "POST", connectorUrl(name, "restart"),
                null);
    }

    /** POST .../offsets/request {"type":"PATCH"}: 202, applied asynchronously; poll {@link #offsetRequestStatus}. */
    @Override
    public OffsetRequest patchOffsets(String name, List<ConnectorOffsets.Entry> offsets) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "PATCH");
        body.set("offsets", offsetsJson(offsets));
        return request("Request offsets change for connector '" + name + "'", name, body);
    }

    /** POST .../offsets/request {"type":"DELETE"}: 202, applied asynchronously. */
    @Override
    public OffsetRequest resetOffsets(String name) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "DELETE");
        return request("Request offsets reset for connector '" + name + "'", name, body);
    }

    /** The 202 answer names the request's type and requested_at: what its status must show to be this one's. */
    private OffsetRequest request(String operation, String name, ObjectNode body) {
        JsonNode answer = http.call(operation, Retry.UNPROCESSED_ONLY, "POST", connectorUrl(name, "offsets", "request"),
                body);
        String type = text(answer, "type");
        return new OffsetRequest(type == null ? body.path("type").asText() : type, text(answer, "requested_at"));
    }

    /**
     * GET .../offsets/request/status. The phase is read from {@code status.phase} and, failing
     * that, from a top-level {@code phase} (both shapes have been described); the message likewise.
     */
    @Override
    public OffsetRequestStatus offsetRequestStatus(String name) {
        JsonNode json = http.call("Read offsets request status of connector '" + name + "'", Retry.REPEATABLE, "GET",
                connectorUrl(name, "offsets", "request", "status"), null);
        JsonNode status = json.path("status");
        String phase = text(status, "phase");
        if (phase == null) {
            phase = text(json, "phase");
        }
        String message = text(status, "message");
        if (message == null) {
            message = text(json, "message");
        }
        JsonNode request = json.path("request");
        return new OffsetRequestStatus(phase, http.scrub(message), text(request, "type"), text(request, "requested_at"));
    }
}
