package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schemas of the repository's files: valid schemas, met by the example, worded at the place of a fault. */
class ConfigSchemaTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(ConfigSchema.class)
    void eachSchemaIsAValidDraft202012SchemaWithDescriptions(ConfigSchema schema) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode node = SourceDocument.JSON.readTree(schema.text());
        assertEquals(List.of(), meta.validate(node).stream().map(Object::toString).toList());
        assertEquals("https://json-schema.org/draft/2020-12/schema", node.get("$schema").asText());
        assertNotNull(node.get("description"), "editors show it");
        assertTrue(schema.text().contains("\"examples\""), "editors offer them");
    }

    /** Every placeholder of an x-message or x-hint is one SchemaMessages fills in, or literal text of the message. */
    @ParameterizedTest
    @EnumSource(ConfigSchema.class)
    void wordingsUseKnownPlaceholdersOnly(ConfigSchema schema) throws IOException {
        List<String> wordings = new ArrayList<>();
        collectWordings(SourceDocument.JSON.readTree(schema.text()), wordings);
        assertTrue(wordings.size() > 5, wordings::toString);
        for (String wording : wordings) {
            Matcher placeholder = Pattern.compile("\\{([a-z_]+)}").matcher(wording);
            while (placeholder.find()) {
                assertTrue(List.of("key", "value", "kind", "container", "violation", "name_prefix", "topic",
                        "connector").contains(placeholder.group(1)), wording);
            }
        }
    }

    private static void collectWordings(JsonNode node, List<String> wordings) {
        node.properties().forEach(entry -> {
            if (entry.getKey().equals("x-message") || entry.getKey().equals("x-hint")) {
                if (entry.getValue().isTextual()) {
                    wordings.add(entry.getValue().asText());
                }
                entry.getValue().forEach(text -> wordings.add(text.asText()));
            } else if (entry.getValue().isContainerNode()) {
                collectWordings(entry.getValue(), wordings);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> collectWordings(item, wordings));
        }
    }

    @Test
    void theExampleMeetsEverySchemaFileByFile() throws IOException {
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repo.example())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (file.toString().contains("/.templates/")) {
                    continue;
                }
                List<Problem> problems;
                try {
                    if (name.equals("ccc.yaml")) {
                        problems = ConfigSchema.CCC_YAML.check(SourceDocument.parseYaml(file));
                    } else if (name.endsWith("-vars.yaml")) {
                        problems = ConfigSchema.VARS.check(SourceDocument.parseYaml(file));
                    } else {
                        problems = ConfigSchema.CONNECTOR.check(SourceDocument.parseJson(file));
                    }
                } catch (SourceDocument.Unparseable e) {
                    throw new AssertionError(e.problem().format());
                }
                assertEquals(List.of(), problems, file.toString());
                checked.add(file);
            }
        }
        assertEquals(17, checked.size(), "ccc.yaml, 8 connector files and 8 vars files");
    }

    private List<Problem> check(ConfigSchema schema, String name, String text) {
        Path file = Repo.write(tmp, name, text);
        try {
            return schema.check(name.endsWith(".json") ? SourceDocument.parseJson(file) : SourceDocument.parseYaml(file));
        } catch (SourceDocument.Unparseable e) {
            throw new AssertionError(e.problem().format());
        }
    }

    /** One bad file per row: its one problem, worded and placed, with a hint. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "connector | [1, 2] | the connector file must be a JSON object | 1:1 |",
        "connector | {\"name\": \"peve-a\", \"config_nonsensitive\": {\"connector.class\": \"X\"}, \"settings\": {}} "
                + "| unknown top-level key 'settings' | 1:69 (/settings) | Only name, config_nonsensitive",
        "connector | {\"config_nonsensitive\": {\"connector.class\": \"X\"}} | 'name' is missing | 1:1 | Add \"name\"",
        "connector | {\"name\": 7, \"config_nonsensitive\": {\"connector.class\": \"X\"}} | 'name' must be a string "
                + "| 1:2 (/name) |",
        "connector | {\"name\": \"peve-a\"} | 'config_nonsensitive' is missing | 1:1 | Put the connector's settings",
        "connector | {\"name\": \"peve-a\", \"config_nonsensitive\": {\"connector.class\": \"X\", \" \": \"1\"}} "
                + "| empty config key | 1:68 (/config_nonsensitive/ ) | Remove it",
        "connector | {\"name\": \"peve-a\", \"config_nonsensitive\": {\"connector.class\": \"X\", \"a\": null}} "
                + "| value must be a string, number or boolean, not null | 1:68 (/config_nonsensitive/a) | Connect configs",
        "connector | {\"name\": \"peve-a\", \"config_nonsensitive\": {\"connector.class\": \"X\"}, \"config_sensitive\": "
                + "{\"k\": {\"a\": 1}}} | value must be a string, number or boolean, not an object "
                + "| 1:90 (/config_sensitive/k) |",
        "vars | - a | the vars file must be a mapping of names to values | 1:1 | Write one 'name: value' per line.",
        "vars | topics: {a: 1} | variable 'topics' is a map | 1:1 (/topics) | Variables are strings",
        "vars | status: STOPPED | status 'STOPPED' is not RUNNING or PAUSED | 1:1 (/status) | Declare status",
        "vars | status: 3 | status '3' is not RUNNING or PAUSED | 1:1 (/status) |",
        "vars | key: ${vault:secret/a#b} | variable 'key' holds a Vault reference | 1:1 (/key) | Vault references",
        "ccc.yaml | managed: {name_prefix: peve-} | no environments are declared | 1:1 | Add 'environments:'",
        "ccc.yaml | managed: {name_prefix: peve-}\\nenvironments: {dev: {target: kafka-connect}} "
                + "| 'connect_url' is missing | 2:16 (/environments/dev) | Set the Kafka Connect REST URL",
        "ccc.yaml | managed: {name_prefix: peve-}\\nenvironments: {dev: {environment_id: env-1, kafka_cluster_id: lkc-1}}"
                + "\\npolicies: {p: {require: {}, owner: me}} | unknown key 'owner' | 3:29 (/policies/p/owner) "
                + "| Known keys here: description, environments, exceptions, hint, require, severity, when.",
        "ccc.yaml | managed: {name_prefix: peve-}\\nenvironments: {dev: {environment_id: env-1, kafka_cluster_id: lkc-1}}"
                + "\\npolicies: {p: {require: {}, exceptions: [{connectors: [a]}]}} | 'reason' is missing "
                + "| 3:42 (/policies/p/exceptions/0) | Say why the standard does not apply",
    })
    void badFilesAreWordedAtTheirPlace(String schema, String text, String message, String where, String hint) {
        ConfigSchema which = ConfigSchema.named(schema);
        String name = which == ConfigSchema.CONNECTOR ? "dev-x.json" : which == ConfigSchema.VARS ? "dev-vars.yaml"
                : "ccc.yaml";
        List<Problem> problems = check(which, name, text.replace("\\n", "\n"));
        assertTrue(problems.stream().anyMatch(p -> p.message().equals(message)), () -> "problems: " + problems);
        Problem problem = problems.stream().filter(p -> p.message().equals(message)).findFirst().orElseThrow();
        assertEquals(where, problem.location().describe());
        assertEquals("schema", problem.rule());
        if (hint != null) {
            assertTrue(problem.hint().startsWith(hint), problem.hint());
        }
    }

    /** The name-prefix pattern of the ccc.yaml schema and ConnectorNames' rule agree, character by character. */
    @ParameterizedTest
    @ValueSource(strings = {"peve-", "a", "0a", "a.b_c-d", "-peve", ".peve", "pe ve", "pe/ve", "peve-\n", "pévé",
        "%2F", "", "p\u0000"})
    void theNamePrefixPatternIsTheConnectorNameRule(String prefix) {
        for (String candidate : List.of(prefix, "a".repeat(128), "a".repeat(129))) {
            com.fasterxml.jackson.databind.node.ObjectNode root = SourceDocument.JSON.createObjectNode();
            root.putObject("managed").put("name_prefix", candidate);
            root.putObject("environments").putObject("local").put("target", "kafka-connect")
                    .put("connect_url", "http://localhost:8083");
            List<Problem> problems = ConfigSchema.CCC_YAML.check(new SourceDocument(tmp.resolve("ccc.yaml"), root,
                    java.util.Map.of()));
            assertEquals(ConnectorNames.violation(candidate) == null, problems.isEmpty(),
                    () -> "'" + candidate + "': " + problems);
        }
    }

    /** A vars file's keys are exactly the names ${...} can use: any other is an error, not an unused variable. */
    @ParameterizedTest
    @ValueSource(strings = {"topic", "_x", "a.b-c_9", "Topic", "9x", "", " ", "my topic", "a$", "-a", ".a", "é"})
    void theVarsSchemaAcceptsExactlyTheVariableNamesOfTemplates(String name) {
        com.fasterxml.jackson.databind.node.ObjectNode root = SourceDocument.JSON.createObjectNode();
        root.put(name, "v");
        List<Problem> problems = ConfigSchema.VARS.check(new SourceDocument(tmp.resolve("dev-vars.yaml"), root,
                java.util.Map.of()));
        assertEquals(Template.isVariableName(name), problems.isEmpty(), () -> "'" + name + "': " + problems);
    }

    @Test
    void aConnectorFileMayNameItsSchemaForTheEditor() {
        assertEquals(List.of(), check(ConfigSchema.CONNECTOR, "dev-x.json", """
                {"$schema": "../.schemas/connector.schema.json", "name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource"}}
                """));
    }

    @Test
    void schemasAreFoundByNameOrFileName() {
        assertEquals(ConfigSchema.VARS, ConfigSchema.named("vars"));
        assertEquals(ConfigSchema.CCC_YAML, ConfigSchema.named("CCC.YAML"));
        assertEquals(ConfigSchema.CONNECTOR, ConfigSchema.named("connector.schema.json"));
        assertEquals(null, ConfigSchema.named("plan"));
    }
}
