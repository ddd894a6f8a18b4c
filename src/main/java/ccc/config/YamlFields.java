package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads from a parsed document that record a located problem instead of throwing. */
final class YamlFields {

    private final SourceDocument document;
    private final List<Problem> problems;

    YamlFields(SourceDocument document, List<Problem> problems) {
        this.document = document;
        this.problems = problems;
    }

    void error(String pointer, String message, String hint) {
        problems.add(Problem.error(document.file(), document.at(pointer), message, hint));
    }

    /** The node at the pointer if it is a mapping (or absent: null); anything else is a problem. */
    JsonNode mapping(JsonNode parent, String key, String pointer) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error(pointer, "'" + key + "' must be a mapping", "Indent its keys below it.");
            return null;
        }
        return node;
    }

    String string(JsonNode parent, String key, String pointer, boolean required, String hint) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                error(pointer, "'" + key + "' is missing", hint);
            }
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            error(pointer + "/" + key, "'" + key + "' must be a non-empty string", hint);
            return null;
        }
        return node.asText();
    }

    Integer positiveInt(JsonNode parent, String key, String pointer) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String at = pointer + "/" + key;
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt() || node.asInt() < 1) {
            error(at, "'" + key + "' must be a positive whole number, not '" + node.asText() + "'", "");
            return null;
        }
        return node.asInt();
    }

    /** A list of non-empty strings (absent: empty). */
    List<String> strings(JsonNode parent, String key, String pointer) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            error(pointer + "/" + key, "'" + key + "' must be a list", "Write one entry per line, each after '- '.");
            return List.of();
        }
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (!entry.isValueNode() || entry.isNull() || entry.asText().isBlank()) {
                error(pointer + "/" + key + "/" + i, "entry " + i + " of '" + key + "' must be a non-empty string", "");
            } else {
                values.add(entry.asText());
            }
        }
        return values;
    }

    Boolean bool(JsonNode parent, String key, String pointer) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            error(pointer + "/" + key, "'" + key + "' must be true or false", "");
            return null;
        }
        return node.asBoolean();
    }

    void rejectUnknownKeys(JsonNode node, String pointer, Set<String> known) {
        for (String name : node.properties().stream().map(Map.Entry::getKey).toList()) {
            if (!known.contains(name)) {
                error(pointer + "/" + name, "unknown key '" + name + "'",
                        "Known keys here: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }
}
