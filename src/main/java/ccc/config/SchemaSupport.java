package ccc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON Schema validator of ccc (networknt json-schema-validator, draft 2020-12): ccc's own schemas, loaded
 * lazily and once per run, and the schemas of the policies of ccc.yaml. It reads no schema from the network: a
 * {@code $ref} resolves only to ccc's schemas and the draft 2020-12 meta-schemas the library carries.
 */
final class SchemaSupport {

    /** Annotations of ccc's schemas that word a violation: read by {@link SchemaMessages}, ignored by editors. */
    static final List<String> MESSAGE_KEYWORDS = List.of("x-message", "x-hint");

    private SchemaSupport() {
    }

    /** Created on first use: a run that checks no file pays nothing for the validator. */
    private static final class Registry {
        static final SchemaRegistry INSTANCE = create();

        private static SchemaRegistry create() {
            Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012());
            MESSAGE_KEYWORDS.forEach(keyword -> dialect.keyword(new NonValidationKeyword(keyword)));
            // Not preloaded: a $ref (the meta-schema a policy's schemas are checked against) is compiled when an
            // instance first reaches it, so a ccc.yaml without policies never loads the meta-schema.
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                    .preloadSchema(false).build();
            return SchemaRegistry.withDefaultDialect(dialect.build(), builder -> builder.schemaRegistryConfig(config));
        }
    }

    /** A schema of ccc with its parsed text, where {@link SchemaMessages} finds the wording of a violation. */
    record Loaded(Schema schema, JsonNode node) {
    }

    private static final Map<ConfigSchema, Loaded> LOADED = new EnumMap<>(ConfigSchema.class);

    static synchronized Loaded load(ConfigSchema which) {
        return LOADED.computeIfAbsent(which, schema -> {
            try {
                JsonNode node = SourceDocument.JSON.readTree(schema.text());
                Schema compiled = Registry.INSTANCE.getSchema(SchemaLocation.of(node.path("$id").asText()), node);
                return new Loaded(compiled, node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the schema " + schema.fileName() + " of the jar is not JSON", e);
            }
        });
    }

    /**
     * A policy's schema, compiled with the same validator.
     *
     * @throws IllegalArgumentException with the validator's reason when it is not a schema it can use
     */
    static Schema compile(JsonNode schema) {
        try {
            Schema compiled = Registry.INSTANCE.getSchema(schema);
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
    }

    /** Why the validator cannot use a schema, in one line and without Java class names. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.regex.PatternSyntaxException pattern) {
                return "the pattern '" + ConnectorNames.shown(pattern.getPattern()) + "' is not a regular expression ("
                        + pattern.getDescription() + ")";
            }
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        message = message.replaceAll("\\b(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "").strip();
        if (message.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+")) {
            return "its $ref '" + message + "' cannot be loaded: ccc reads no schema from the network or from files";
        }
        return message.isEmpty() ? "the validator cannot use it" : message;
    }

    static List<Problem> check(ConfigSchema which, SourceDocument document, Map<String, String> context) {
        Loaded loaded = load(which);
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Error error : loaded.schema().validate(document.root())) {
            SchemaMessages.Described described = SchemaMessages.describe(error, loaded.node(), context);
            // One problem per place and wording; per place alone where the meta-schema speaks (a policy's schema),
            // whose alternatives (anyOf) would each say the same value is wrong in its own way.
            boolean ours = error.getSchemaLocation() != null && String.valueOf(error.getSchemaLocation()
                    .getAbsoluteIri()).equals(loaded.node().path("$id").asText());
            if (seen.add(described.pointer() + (ours ? "\u0000" + described.message() : ""))) {
                problems.add(Problem.error(Problem.Rule.SCHEMA, document.file(), document.at(described.pointer()),
                        described.message(), described.hint()));
            }
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.location().line() > 0 ? p.location().line()
                : Integer.MAX_VALUE).thenComparingInt(p -> p.location().column()));
        return problems;
    }

    /** A node path as a JSON pointer, whatever path type the library prints. */
    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
