package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reads from a document its JSON Schema has checked: a value of the wrong shape reads as absent, because
 * the schema has already reported it at its place.
 */
final class YamlFields {

    private YamlFields() {
    }

    /** The mapping under the key, or null. */
    static JsonNode mapping(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        return node != null && node.isObject() ? node : null;
    }

    /** The non-blank text of a scalar under the key, or null. */
    static String string(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A whole number of at least 1 under the key, or null. */
    static Integer positiveInt(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        return node != null && node.canConvertToExactIntegral() && node.canConvertToInt() && node.asInt() >= 1
                ? node.asInt() : null;
    }

    /** true or false under the key, or null. */
    static Boolean bool(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        return node != null && node.isBoolean() ? node.asBoolean() : null;
    }

    /** The non-blank strings of a list under the key (absent: empty). */
    static List<String> strings(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(entry -> {
                if (entry.isValueNode() && !entry.isNull() && !entry.asText().isBlank()) {
                    values.add(entry.asText());
                }
            });
        }
        return values;
    }
}
