package ccc.client.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A Vault that speaks just enough of its HTTP API for ccc: KV v2 and KV v1 mounts, AppRole and JWT
 * logins, a GitHub Actions OIDC token endpoint at /oidc/token, 403 on paths the token may not read,
 * and injected 503s. Answer shapes follow Vault's documented responses, including the 404 with a
 * warning that a KV v2 mount gives to a read without "data/".
 */
final class FakeVault extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Set<String> kv2Mounts = new HashSet<>(Set.of("secret"));
    final Set<String> kv1Mounts = new HashSet<>(Set.of("kv1"));
    /** Secrets by full path, mount first ("secret/peve/azure-blob"). */
    final Map<String, Map<String, Object>> secrets = new HashMap<>();
    final Set<String> validTokens = new HashSet<>();
    /** API paths ("secret/data/x") that answer 403 whatever the token. */
    final Set<String> deniedApiPaths = new HashSet<>();
    /** API path → how many more 503 answers it gives before it works. */
    final Map<String, Integer> unavailable = new ConcurrentHashMap<>();
    /** KV v2 paths whose latest version is soft-deleted: 404 with the version's metadata. */
    final Set<String> deleted = new HashSet<>();
    /** When set, Vault answers 503 to everything (sealed). */
    volatile boolean sealed;
    /** When set, Vault takes every request and never answers (hung). */
    volatile boolean hung;
    /** How long Vault takes over each answer. */
    volatile long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    String approleMount = "approle";
    String roleId = "role-id-" + UUID.randomUUID();
    String secretId = "secret-id-" + UUID.randomUUID();

    String jwtMount = "jwt";
    String jwtRole = "ccloud-connectors-dev";
    String jwt = "eyJ.jwt-" + UUID.randomUUID();
    String oidcRequestToken = "oidc-request-token-" + UUID.randomUUID();

    /** The token a successful login hands out. */
    final String issuedToken = "hvs.issued-" + UUID.randomUUID();

    private final List<RecordedRequest> requests = new ArrayList<>();

    FakeVault() {
        validTokens.add(issuedToken);
    }

    FakeVault secret(String path, Map<String, Object> data) {
        secrets.put(path, new LinkedHashMap<>(data));
        return this;
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The most requests Vault was working on at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests whose URL path is exactly this ("/v1/secret/data/x"). */
    synchronized List<RecordedRequest> requestsTo(String urlPath) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(urlPath)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        synchronized (this) {
            requests.add(request);
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delayMillis);
            return answer(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json(503, errors("interrupted"));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (hung) {
            return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
        }
        try {
            if (path.equals("/oidc/token")) {
                return oidc(request);
            }
            if (sealed) {
                return json(503, errors("Vault is sealed"));
            }
            if (path.startsWith("/v1/auth/") && path.endsWith("/login") && "POST".equals(request.getMethod())) {
                String mount = path.substring("/v1/auth/".length(), path.length() - "/login".length());
                return login(mount, JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8()));
            }
            if (path.startsWith("/v1/") && "GET".equals(request.getMethod())) {
                return read(request, path.substring("/v1/".length()));
            }
            return json(405, errors("unsupported operation"));
        } catch (IOException e) {
            return json(400, errors("failed to parse JSON input"));
        }
    }

    private MockResponse oidc(RecordedRequest request) {
        if (!("bearer " + oidcRequestToken).equals(request.getHeaders().get("Authorization"))) {
            return json(401, JSON.createObjectNode().put("message", "Bad credentials"));
        }
        return json(200, JSON.createObjectNode().put("count", 2000).put("value", jwt));
    }

    private MockResponse login(String mount, JsonNode body) {
        if (mount.equals(approleMount)) {
            if (roleId.equals(body.path("role_id").asText()) && secretId.equals(body.path("secret_id").asText())) {
                return json(200, auth());
            }
            return json(400, errors("invalid role or secret ID"));
        }
        if (mount.equals(jwtMount)) {
            if (!jwtRole.equals(body.path("role").asText())) {
                return json(400, errors("role \"" + body.path("role").asText() + "\" could not be found"));
            }
            if (!jwt.equals(body.path("jwt").asText())) {
                return json(400, errors("error validating token: invalid audience (aud) claim: audience claim does"
                        + " not match any expected audience"));
            }
            return json(200, auth());
        }
        return json(400, errors("no handler for route \"auth/" + mount + "/login\". route entry not found."));
    }

    private MockResponse read(RecordedRequest request, String apiPath) {
        if (!validTokens.contains(request.getHeaders().get("X-Vault-Token"))) {
            return json(403, errors("permission denied"));
        }
        synchronized (unavailable) {
            Integer remaining = unavailable.get(apiPath);
            if (remaining != null && remaining > 0) {
                unavailable.put(apiPath, remaining - 1);
                return json(503, errors("Vault is sealed"));
            }
        }
        if (deniedApiPaths.contains(apiPath)) {
            return json(403, errors("1 error occurred:\n\t* permission denied\n\n"));
        }
        int slash = apiPath.indexOf('/');
        String mount = slash < 0 ? apiPath : apiPath.substring(0, slash);
        String rest = slash < 0 ? "" : apiPath.substring(slash + 1);
        if (kv2Mounts.contains(mount)) {
            if (!rest.startsWith("data/")) {
                ObjectNode body = envelope();
                body.putNull("data");
                body.putArray("warnings").add("Invalid path for a versioned K/V secrets engine. See the API docs for"
                        + " the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this"
                        + " operation.");
                return json(404, body);
            }
            String secretPath = mount + "/" + rest.substring("data/".length());
            Map<String, Object> secret = secrets.get(secretPath);
            if (deleted.contains(secretPath)) {
                ObjectNode body = envelope();
                ObjectNode data = body.putObject("data");
                data.putNull("data");
                data.putObject("metadata").put("created_time", "2026-01-01T00:00:00Z")
                        .put("deletion_time", "2026-02-01T00:00:00Z").put("destroyed", false).put("version", 4);
                return json(404, body);
            }
            if (secret == null) {
                return json(404, JSON.createObjectNode().set("errors", JSON.createArrayNode()));
            }
            ObjectNode body = envelope();
            ObjectNode data = body.putObject("data");
            data.set("data", JSON.valueToTree(secret));
            data.putObject("metadata").put("created_time", "2026-01-01T00:00:00Z").put("deletion_time", "")
                    .put("destroyed", false).put("version", 3).putNull("custom_metadata");
            return json(200, body);
        }
        if (kv1Mounts.contains(mount)) {
            Map<String, Object> secret = secrets.get(apiPath);
            if (secret == null) {
                return json(404, JSON.createObjectNode().set("errors", JSON.createArrayNode()));
            }
            ObjectNode body = envelope();
            body.set("data", JSON.valueToTree(secret));
            body.put("lease_duration", 2764800);
            return json(200, body);
        }
        return json(403, errors("1 error occurred:\n\t* permission denied\n\n"));
    }

    private ObjectNode auth() {
        ObjectNode body = envelope();
        body.putNull("data");
        ObjectNode auth = body.putObject("auth");
        auth.put("client_token", issuedToken).put("accessor", "accessor-1");
        auth.putArray("policies").add("default").add("ccc-read");
        auth.putArray("token_policies").add("default").add("ccc-read");
        auth.putObject("metadata").put("role_name", jwtRole);
        auth.put("lease_duration", 3600).put("renewable", true).put("entity_id", "entity-1")
                .put("token_type", "service").put("orphan", true);
        return body;
    }

    private static ObjectNode envelope() {
        ObjectNode body = JSON.createObjectNode();
        body.put("request_id", UUID.randomUUID().toString()).put("lease_id", "").put("renewable", false)
                .put("lease_duration", 0);
        body.putNull("wrap_info");
        body.putNull("warnings");
        body.putNull("auth");
        return body;
    }

    static ObjectNode errors(String... messages) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        for (String message : messages) {
            errors.add(message);
        }
        return body;
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }
}
