package ccc.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of the files of a configuration repository, kept in src/main/resources/schemas.
 * {@code validate} checks every file against its schema (so the schemas an editor uses and ccc's own checks cannot
 * disagree), and {@code ccc schema NAME} prints them for editors.
 */
public enum ConfigSchema {
    CCC_YAML("ccc.yaml", "ccc.schema.json", "ccc.yaml"),
    CONNECTOR("connector", "connector.schema.json", "<env>-<directory>.json"),
    VARS("vars", "vars.schema.json", "<env>-vars.yaml");

    private final String id;
    private final String fileName;
    private final String describes;

    ConfigSchema(String id, String fileName, String describes) {
        this.id = id;
        this.fileName = fileName;
        this.describes = describes;
    }

    /** The name {@code ccc schema NAME} knows it by. */
    public String id() {
        return id;
    }

    /** The schema's file name, as {@code ccc schema --write DIR} writes it. */
    public String fileName() {
        return fileName;
    }

    /** The files it describes. */
    public String describes() {
        return describes;
    }

    /** The schema's text, as kept in the jar. */
    public String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String resource() {
        return "/schemas/" + fileName;
    }

    /** Every violation of this schema in the document, each at its place with a hint; sorted by place. */
    public List<Problem> check(SourceDocument document) {
        return SchemaSupport.check(this, document, Map.of());
    }

    /** As {@link #check(SourceDocument)}, with placeholders the file alone cannot fill ({@code {name_prefix}}). */
    public List<Problem> check(SourceDocument document, Map<String, String> context) {
        return SchemaSupport.check(this, document, context);
    }

    /** The schema by its name or file name (case-insensitive), or null. */
    public static ConfigSchema named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ConfigSchema schema : values()) {
            if (schema.id.equals(wanted) || schema.fileName.equals(wanted)) {
                return schema;
            }
        }
        return null;
    }
}
