package ccc.client.vault;

import ccc.CccException;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one KV secret: {@code GET /v1/<mount>/data/<rest>} on KV version 2, {@code GET /v1/<path>}
 * on version 1. The version is the environment's {@code vault.kv_version}, never guessed; an answer
 * of the other version's shape is reported with the setting to change.
 *
 * <p>Vault's 4xx answers concern the path (denied, absent, wrong version): a
 * {@link VaultPathException}. An answer no path could do better with (5xx, 412, a redirect, a body
 * that is not JSON) is a plain {@link CccException}.
 */
final class KvReader {

    private static final String KV2_INVALID_PATH = "Invalid path for a versioned K/V secrets engine";

    private final VaultHttp http;
    private final int kvVersion;
    private final String authDescription;
    private final SecretRegistry scrubber;

    KvReader(VaultHttp http, int kvVersion, String authDescription, SecretRegistry scrubber) {
        this.http = http;
        this.kvVersion = kvVersion;
        this.authDescription = authDescription;
        this.scrubber = scrubber;
    }

    /**
     * The path without surrounding slashes, checked to name a secret below a mount.
     *
     * @throws VaultPathException when it does not, or cannot be sent in a URL
     */
    static String normalize(String path) {
        String trimmed = path == null ? "" : path.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || !trimmed.contains("/") || trimmed.contains("//")) {
            throw new VaultPathException(String.valueOf(path), "the Vault path '" + path + "' does not name a secret:"
                    + " write <mount>/<path>, e.g. secret/peve/azure-blob (the KV mount comes first).");
        }
        try {
            new URI("http://vault/v1/" + trimmed);
        } catch (URISyntaxException e) {
            throw new VaultPathException(trimmed, "the Vault path '" + trimmed + "' cannot be sent in a URL:"
                    + " it contains characters such as spaces that a Vault path should not have.");
        }
        return trimmed;
    }

    /** Every key of the secret at {@code path} (normalized), values as text, nulls left out. */
    Map<String, String> read(String path, String token) {
        String api = apiPath(path);
        VaultHttp.Answer answer = http.get(api, token);
        int status = answer.status();
        JsonNode body = answer.json();
        if (kvVersion == 1 && status >= 400 && status < 500 && mentions(body, KV2_INVALID_PATH)) {
            throw new VaultPathException(path, "Vault says the mount '" + mount(path) + "' is a versioned (KV"
                    + " version 2) engine, but this environment reads KV version 1 (HTTP " + status + " on GET /v1/"
                    + api + ", reading " + path + "): set vault.kv_version: 2 (or remove kv_version: 1) in ccc.yaml.");
        }
        if (status != 200 && (status < 400 || status >= 500 || status == 412)) {
            String base = "Vault at " + http.endpoint().address() + " answered HTTP " + status + " to GET /v1/" + api
                    + " (reading " + path + ") " + VaultHttp.onAttempts(answer.attempts()) + http.serverErrors(body) + ".";
            throw new CccException(status == 503 ? base + VaultHttp.UNAVAILABLE : base);
        }
        return switch (status) {
            case 200 -> values(path, api, body);
            case 401, 403 -> throw denied(path, api, status, body);
            case 404 -> throw notFound(path, api, body);
            default -> throw new VaultPathException(path, "Vault answered HTTP " + status + " to GET /v1/" + api
                    + " (reading " + path + ")" + http.serverErrors(body) + ".");
        };
    }

    /** Replaces the secret at {@code path} with {@code values} (a new version on KV v2). */
    void write(String path, Map<String, String> values, String token) {
        String api = apiPath(path);
        ObjectNode data = http.object();
        ObjectNode target = kvVersion == 1 ? data : data.putObject("data");
        values.forEach(target::put);
        VaultHttp.Answer answer = http.write(api, data, token);
        int status = answer.status();
        if (status == 403 || status == 401) {
            throw new VaultPathException(path, "Vault denied writing " + path + " (HTTP " + status + " on POST /v1/"
                    + api + "): the token's policy must grant create and update on " + api + ".");
        }
        if (status < 200 || status >= 300) {
            throw new CccException("Vault at " + http.endpoint().address() + " answered HTTP " + status
                    + " to POST /v1/" + api + " (writing " + path + ") " + VaultHttp.onAttempts(answer.attempts())
                    + http.serverErrors(answer.json()) + ".");
        }
    }

    private Map<String, String> values(String path, String api, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new CccException("Vault at " + http.endpoint().address() + " answered GET /v1/" + api
                    + " with something that is not a JSON object: check that " + http.endpoint().addressSource()
                    + " points at Vault itself, not at a proxy or a login page.");
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has no 'data' object, so it holds no KV secret.");
        }
        String mount = mount(path);
        if (kvVersion == 2) {
            JsonNode inner = data.get("data");
            if (inner != null && inner.isObject()) {
                return flatten(inner);
            }
            JsonNode metadata = data.get("metadata");
            if (metadata != null && metadata.isObject()) {
                throw deletedOrEmpty(path, api, metadata);
            }
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has the shape of a KV version 1 secret ({\"data\": {...}} without data.data and"
                    + " data.metadata), not version 2: if the mount '" + mount + "' is a KV v1 engine, set"
                    + " vault.kv_version: 1 for this environment in ccc.yaml.");
        }
        if (looksLikeKv2(data)) {
            throw new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                    + ") has the shape of a KV version 2 secret ({\"data\": {\"data\": ..., \"metadata\": ...}}),"
                    + " but this environment reads KV version 1: if the mount '" + mount + "' is a KV v2 engine,"
                    + " set vault.kv_version: 2 (or remove kv_version: 1) in ccc.yaml"
                    + (hasDataSegment(path) ? " and write the path without its 'data/' segment (ccc adds it)" : "")
                    + ".");
        }
        return flatten(data);
    }

    private static VaultPathException deletedOrEmpty(String path, String api, JsonNode metadata) {
        String deletion = metadata.path("deletion_time").asText("");
        boolean destroyed = metadata.path("destroyed").asBoolean(false);
        if (destroyed || !deletion.isEmpty()) {
            return new VaultPathException(path, "the latest version of the Vault secret " + path + " (GET /v1/"
                    + api + ") is " + (destroyed ? "destroyed" : "deleted (at " + deletion + ")")
                    + ": write a new version" + (destroyed ? "" : " or undelete it (vault kv undelete)") + ".");
        }
        return new VaultPathException(path, "Vault's answer for " + path + " (GET /v1/" + api
                + ") has metadata but no data.");
    }

    private VaultPathException denied(String path, String api, int status, JsonNode body) {
        return new VaultPathException(path, "Vault denied reading " + path + " (HTTP " + status + " on GET /v1/"
                + api + http.serverErrors(body) + "): the token's policy must grant read on " + api
                + " (path \"" + api + "\" { capabilities = [\"read\"] }). Authenticated by " + authDescription
                + "." + http.endpoint().namespaceNote());
    }

    private VaultPathException notFound(String path, String api, JsonNode body) {
        if (kvVersion == 2 && body != null) {
            JsonNode metadata = body.path("data").path("metadata");
            if (metadata.isObject() && (metadata.path("destroyed").asBoolean(false)
                    || !metadata.path("deletion_time").asText("").isEmpty())) {
                return deletedOrEmpty(path, api, metadata);
            }
        }
        StringBuilder message = new StringBuilder("Vault has no secret at " + path + " (HTTP 404 on GET /v1/"
                + api + ")" + http.serverErrors(body) + ": check the path in the ${vault:...} reference.");
        if (kvVersion == 2) {
            if (hasDataSegment(path)) {
                message.append(" Write the path without its 'data/' segment: ccc inserts it for KV version 2.");
            }
            message.append(" If the mount '").append(mount(path)).append("' is a KV version 1 engine, set")
                    .append(" vault.kv_version: 1 for this environment in ccc.yaml.");
        }
        message.append(http.endpoint().namespaceNote());
        return new VaultPathException(path, message.toString(), true);
    }

    /** Values as text (a nested object as its JSON), each registered with the scrubber. */
    private Map<String, String> flatten(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value == null || value.isNull()) {
                return;
            }
            String text = value.isValueNode() ? value.asText() : value.toString();
            scrubber.register(text);
            values.put(field.getKey(), text);
        });
        return values;
    }

    private static boolean looksLikeKv2(JsonNode data) {
        JsonNode inner = data.get("data");
        JsonNode metadata = data.get("metadata");
        return data.size() == 2 && metadata != null && metadata.isObject()
                && inner != null && (inner.isObject() || inner.isNull());
    }

    private static boolean mentions(JsonNode body, String text) {
        if (body == null) {
            return false;
        }
        for (String field : List.of("errors", "warnings")) {
            for (JsonNode item : body.path(field)) {
                if (item.asText("").contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String apiPath(String path) {
        if (kvVersion == 1) {
            return path;
        }
        int slash = path.indexOf('/');
        return path.substring(0, slash) + "/data" + path.substring(slash);
    }

    private static String mount(String path) {
        return path.substring(0, path.indexOf('/'));
    }

    private static boolean hasDataSegment(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 && segments[1].equals("data");
    }
}
