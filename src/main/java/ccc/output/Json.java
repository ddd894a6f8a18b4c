package ccc.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ccc.secret.SecretRegistry;

/** The one JSON writer of machine-readable output: pretty, stable key order. */
public final class Json {

    public static final int FORMAT_VERSION = 1;
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    /** A new document that starts with {"format_version": 1}. */
    public static ObjectNode document() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        return node;
    }

    /** A new document for one environment: {"format_version": 1, "environment": ...}. */
    public static ObjectNode document(String environment) {
        ObjectNode node = document();
        node.put("environment", environment);
        return node;
    }

    public static String write(Object value) {
        return write(MAPPER, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The document with every secret this run knows masked in its string values. Scrubbing the
     * values, not the written text, keeps the JSON valid whatever a secret looks like.
     */
    public static JsonNode scrubbed(JsonNode node, SecretRegistry secrets) {
        if (node.isTextual()) {
            return TextNode.valueOf(secrets.scrub(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), scrubbed(entry.getValue(), secrets)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(scrubbed(element, secrets)));
            return copy;
        }
        return node;
    }

    /** One line, for tables. */
    public static String compact(Object value) {
        return write(COMPACT, value);
    }
}
