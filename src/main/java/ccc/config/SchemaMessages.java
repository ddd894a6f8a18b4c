package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema violation in the terms of the file: where (a JSON pointer into the document), what, and what to do.
 * ccc's schemas word their violations with two annotations beside the keyword they concern:
 * {@code x-message} and {@code x-hint}, each a text for every keyword of that schema or an object of texts by
 * keyword. A {@code required} violation is worded by the missing property's own schema first ({@code
 * x-message.required}), else by the schema that requires it. Texts may say {@code {key}} (the property or entry
 * concerned), {@code {value}} (the value, escaped and cut), {@code {kind}} ("a list", "null"...), {@code
 * {container}} ("list", "map") and {@code {violation}} (what breaks the connector-name rule). Without them, a
 * wording by keyword; a schema of a policy is worded that way.
 */
final class SchemaMessages {

    /** Where (a JSON pointer into the document checked), what, and what to do. */
    record Described(String pointer, String message, String hint) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    private SchemaMessages() {
    }

    /**
     * @param schemaRoot the schema the error's location points into, for its wording, or null for a schema that
     *     has none (a policy's, or a meta-schema's)
     */
    static Described describe(Error error, JsonNode schemaRoot) {
        return describe(error, schemaRoot, Map.of());
    }

    /**
     * @param context more placeholders, such as {@code {name_prefix}}, for what the file alone cannot say; a
     *     placeholder neither knows is left as written ("{topic}" in a message about the DLQ pattern)
     */
    static Described describe(Error error, JsonNode schemaRoot, Map<String, String> context) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String instance = SchemaSupport.pointer(error.getInstanceLocation());
        String property = error.getProperty();
        boolean aboutProperty = property != null
                && (keyword.equals("additionalProperties") || keyword.equals("propertyNames")
                        || keyword.equals("unevaluatedProperties"));
        String pointer = aboutProperty ? instance + "/" + SchemaSupport.escape(property) : instance;
        String key = property != null ? property : lastToken(instance);
        JsonNode value = aboutProperty ? com.fasterxml.jackson.databind.node.TextNode.valueOf(property)
                : error.getInstanceNode();

        List<JsonNode> wordings = wordings(error, keyword, property, schemaRoot);
        String message = text(wordings, "x-message", keyword);
        String hint = text(wordings, "x-hint", keyword);
        if (message == null) {
            message = defaultMessage(error, keyword, key, value);
        }
        if (hint == null && keyword.equals("additionalProperties")) {
            hint = wordings.stream().map(SchemaMessages::knownKeys).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        }
        return new Described(pointer, fill(message, key, value, context),
                hint == null ? "" : fill(hint, key, value, context));
    }

    /** The schemas whose x-message and x-hint may word the error, the most specific first. */
    private static List<JsonNode> wordings(Error error, String keyword, String property, JsonNode schemaRoot) {
        List<JsonNode> found = new ArrayList<>();
        if (schemaRoot == null || error.getSchemaLocation() == null
                || !String.valueOf(error.getSchemaLocation().getAbsoluteIri()).equals(schemaRoot.path("$id").asText())) {
            return found;
        }
        NodePath fragment = error.getSchemaLocation().getFragment();
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < fragment.getNameCount(); i++) {
            path.add(fragment.getElement(i));
        }
        JsonNode keywordNode = at(schemaRoot, path);
        List<Object> ownerPath = path.isEmpty() ? path : path.subList(0, path.size() - 1);
        JsonNode owner = at(schemaRoot, ownerPath);
        if (keyword.equals("required") && property != null) {
            // The missing property's own schema, in the schema that requires it or in the one around that.
            for (int end = ownerPath.size(); end >= 0; end--) {
                JsonNode candidate = at(schemaRoot, ownerPath.subList(0, end)).path("properties").path(property);
                if (!candidate.isMissingNode()) {
                    found.add(candidate);
                    break;
                }
            }
        }
        if (keyword.equals("propertyNames") && keywordNode.isObject()) {
            found.add(keywordNode);
        }
        if (!owner.isMissingNode()) {
            found.add(owner);
        }
        // The schema whose $ref led here: a property that reuses a definition words it for itself.
        List<Object> evaluation = new ArrayList<>();
        NodePath evaluationPath = error.getEvaluationPath();
        for (int i = 0; evaluationPath != null && i < evaluationPath.getNameCount(); i++) {
            evaluation.add(evaluationPath.getElement(i));
        }
        int ref = evaluation.lastIndexOf("$ref");
        if (ref > 0) {
            JsonNode referencing = walk(schemaRoot, evaluation.subList(0, ref));
            if (!referencing.isMissingNode()) {
                found.add(referencing);
            }
        }
        return found;
    }

    /** Follows an evaluation path from the root, through the local $refs it takes. */
    private static JsonNode walk(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object token : path) {
            if ("$ref".equals(token)) {
                String target = node.path("$ref").asText();
                if (!target.startsWith("#")) {
                    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                }
                node = root.at(target.substring(1));
            } else {
                node = token instanceof Integer index ? node.path(index) : node.path(String.valueOf(token));
            }
        }
        return node;
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object token : path) {
            node = token instanceof Integer index ? node.path(index) : node.path(String.valueOf(token));
        }
        return node;
    }

    private static String text(List<JsonNode> wordings, String annotation, String keyword) {
        for (JsonNode schema : wordings) {
            JsonNode wording = schema.path(annotation);
            if (wording.isTextual() && !keyword.equals("required")) {
                return wording.asText();
            }
            if (wording.path(keyword).isTextual()) {
                return wording.path(keyword).asText();
            }
        }
        return null;
    }

    private static String knownKeys(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return null;
        }
        return "Known keys here: " + String.join(", ", new TreeSet<>(properties.properties().stream()
                .map(Map.Entry::getKey).toList())) + ".";
    }

    private static String defaultMessage(Error error, String keyword, String key, JsonNode value) {
        JsonNode schema = error.getSchemaNode();
        String subject = key.isEmpty() ? "the document" : "'" + key + "'";
        return switch (keyword) {
            case "required" -> subject + " is missing";
            case "additionalProperties", "unevaluatedProperties" -> "unknown key " + subject;
            case "type" -> subject + " must be " + expected(schema) + ", not {kind}";
            case "const" -> subject + " must be " + quoted(schema) + ", not " + shownValue(value);
            case "enum" -> subject + " must be one of " + list(schema) + ", not " + shownValue(value);
            case "pattern" -> subject + " is " + shownValue(value) + ", which does not match the pattern "
                    + schema.asText();
            case "minimum" -> subject + " is {value}, below the minimum of " + schema.asText();
            case "maximum" -> subject + " is {value}, above the ceiling of " + schema.asText();
            case "exclusiveMinimum" -> subject + " is {value}, not above " + schema.asText();
            case "exclusiveMaximum" -> subject + " is {value}, not below " + schema.asText();
            case "propertyNames" -> "the key " + shownValue(value) + " is not allowed here";
            case "false", "not" -> subject + " is not allowed here";
            default -> subject + ": " + error.getMessage();
        };
    }

    private static String expected(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(expected(t)));
            return String.join(" or ", names);
        }
        return switch (type.asText()) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> type.asText();
        };
    }

    private static String quoted(JsonNode node) {
        return node.isTextual() ? "'" + ConnectorNames.shown(node.asText()) + "'" : node.toString();
    }

    private static String list(JsonNode node) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(quoted(item)));
        return String.join(", ", items);
    }

    private static String shownValue(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "absent";
        }
        return value.isValueNode() && !value.isNull() ? quoted(value) : kind(value);
    }

    static String kind(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isTextual()) {
            return "a string";
        }
        return value.isBoolean() ? "true or false" : "a number";
    }

    private static String fill(String text, String key, JsonNode value, Map<String, String> context) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String raw = value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
            String replacement = switch (matcher.group(1)) {
                case "key" -> ConnectorNames.shown(key);
                case "value" -> raw != null ? ConnectorNames.shown(raw) : kind(value);
                case "kind" -> kind(value);
                case "container" -> value != null && value.isArray() ? "list" : value != null && value.isObject()
                        ? "map" : kind(value);
                case "violation" -> {
                    String violation = raw == null ? null : ConnectorNames.violation(raw);
                    yield violation == null ? "does not follow the rule" : violation;
                }
                default -> context.getOrDefault(matcher.group(1), matcher.group());
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lastToken(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? pointer : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }
}
