package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void copyExample() {
        root = Repo.copyExample(tmp.resolve("connectors"));
    }

    private Cli.Result validate(String... extra) {
        return Cli.inRoot("validate", root, extra);
    }

    /** The output with the root replaced by ROOT, so that it can be compared exactly. */
    private String relative(String output) {
        return output.replace(root.toString(), "ROOT");
    }

    private void breakDevDatagen() {
        // No topic var: one undefined variable; an extra var: one unused-variable warning.
        Repo.write(root, "ccloud-datagen-source-connector-01/dev-vars.yaml",
                "service_account: SA_PEVE_DATAGEN_01\nmax_interval_ms: 1000\ntopc: typo\n");
    }

    @Test
    void theExampleIsValid() {
        Cli.Result result = validate();
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("Valid: 2 connectors in 4 environments (8 configs).\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void theBundledExampleInPlaceIsValid() {
        Cli.Result result = Cli.run("validate", "--root", Repo.example().toString());
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void oneEnvironment() {
        Cli.Result result = validate("--env", "prod");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("Valid: 2 connectors in prod.\n", result.out());
    }

    @Test
    void errorsExitOneAndNameFileLineColumnPointerAndHint() {
        breakDevDatagen();
        Cli.Result result = validate("--env", "dev");
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("""
                error: ROOT/ccloud-datagen-source-connector-01/dev-ccloud-datagen-source-connector-01.json:6:5 \
                (/config_nonsensitive/kafka.topic): undefined variable '${topic}'
                  Define 'topic' in ROOT/ccloud-datagen-source-connector-01/dev-vars.yaml.
                warning: ROOT/ccloud-datagen-source-connector-01/dev-vars.yaml:3:1 (/topc): \
                variable 'topc' is never used in dev-ccloud-datagen-source-connector-01.json
                  Remove it, or reference it as ${topc}.
                1 error, 1 warning; 1 connector in dev rendered.
                """, relative(result.out()));
        assertEquals("", result.err());
    }

    @Test
    void relativeRootGivesRelativePaths() {
        breakDevDatagen();
        Path relativeRoot = Path.of("").toAbsolutePath().relativize(root);
        Cli.Result result = Cli.run("validate", "--root", relativeRoot.toString(), "--env", "dev");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("error: " + relativeRoot.resolve(
                "ccloud-datagen-source-connector-01/dev-ccloud-datagen-source-connector-01.json") + ":6:5 "),
                result.out());
    }

    @Test
    void warningsAloneStillExitZero() {
        Repo.write(root, "ccloud-datagen-source-connector-01/dev-vars.yaml",
                Repo.read(root.resolve("ccloud-datagen-source-connector-01/dev-vars.yaml")) + "unused: 1\n");
        Cli.Result result = validate();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("warning: "), result.out());
        assertTrue(result.out().endsWith("Valid: 2 connectors in 4 environments (8 configs), 1 warning.\n"), result.out());
    }

    @Test
    void everyErrorIsReportedInOneRun() {
        breakDevDatagen();
        Repo.write(root, "ccloud-azure-blob-storage-sink-connector-01/prod-vars.yaml", "status: [\n");
        Repo.write(root, "ccc.yaml", Repo.read(root.resolve("ccc.yaml")) + "  qa2: {}\n");
        Cli.Result result = validate();
        assertEquals(1, result.exitCode(), result::toString);
        // ccc.yaml errors stop everything else: nothing can be checked without a usable ccc.yaml.
        assertTrue(result.out().contains("ccc.yaml"), result.out());
        Repo.write(root, "ccc.yaml", Repo.read(Repo.example().resolve("ccc.yaml")));
        result = validate();
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("dev-ccloud-datagen-source-connector-01.json:6:5"), result.out());
        assertTrue(result.out().contains("prod-vars.yaml:2:1: malformed YAML"), result.out());
        assertTrue(result.out().contains("2 errors, 1 warning; 2 connectors in 4 environments (6 configs) rendered."),
                result.out());
    }

    @Test
    void jsonOutputShape() throws Exception {
        breakDevDatagen();
        Cli.Result result = validate("--env", "dev", "--output", "json");
        assertEquals(1, result.exitCode(), result::toString);
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertEquals(List.of("format_version", "valid", "environments", "connectors", "directories", "errors", "warnings",
                "notes"),
                fieldNames(document));
        assertEquals(1, document.get("format_version").asInt());
        assertFalse(document.get("valid").asBoolean());
        assertEquals("[\"dev\"]", document.get("environments").toString());
        assertEquals(1, document.get("connectors").asInt());

        JsonNode error = document.get("errors").get(0);
        assertEquals(1, document.get("errors").size());
        assertEquals(List.of("rule", "file", "line", "column", "pointer", "message", "hint"), fieldNames(error));
        assertEquals("placeholder", error.get("rule").asText());
        assertEquals(root.resolve("ccloud-datagen-source-connector-01/dev-ccloud-datagen-source-connector-01.json")
                .toString(), error.get("file").asText());
        assertEquals(6, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertEquals("/config_nonsensitive/kafka.topic", error.get("pointer").asText());
        assertEquals("undefined variable '${topic}'", error.get("message").asText());
        assertTrue(error.get("hint").asText().startsWith("Define 'topic' in "));

        JsonNode warning = document.get("warnings").get(0);
        assertEquals(1, document.get("warnings").size());
        assertEquals("/topc", warning.get("pointer").asText());
        assertEquals(3, warning.get("line").asInt());
    }

    @Test
    void jsonOutputOfAValidRepository() throws Exception {
        Cli.Result result = validate("--output", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertEquals(1, document.get("format_version").asInt());
        assertTrue(document.get("valid").asBoolean());
        assertEquals(8, document.get("connectors").asInt());
        assertEquals(0, document.get("errors").size());
        assertEquals(0, document.get("warnings").size());
        assertEquals("", result.err());
    }

    @Test
    void jsonProblemWithoutPlaceHasNoLineOrPointer() throws Exception {
        java.nio.file.Files.delete(root.resolve("ccloud-datagen-source-connector-01/dev-vars.yaml"));
        JsonNode error = new ObjectMapper().readTree(validate("--env", "dev", "--output", "json").out())
                .get("errors").get(0);
        assertEquals(List.of("rule", "file", "message", "hint"), fieldNames(error));
        assertEquals("layout", error.get("rule").asText());
        assertEquals("missing dev-vars.yaml beside it", error.get("message").asText());
    }

    @Test
    void markdownOutput() {
        breakDevDatagen();
        Cli.Result result = validate("--env", "dev", "--output", "markdown");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("### ccc validate\n\n1 error, 1 warning"), result.out());
        assertTrue(result.out().contains("| error | placeholder | `"), result.out());
        assertTrue(result.out().contains(":6:5 (/config_nonsensitive/kafka.topic)` | undefined variable '${topic}' |"),
                result.out());
    }

    @Test
    void unknownEnvironmentIsAUsageError() {
        Cli.Result result = validate("--env", "prd");
        assertEquals(64, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("unknown environment 'prd'; did you mean prod? ccc.yaml declares dev, cert, "
                + "prod, local."), result.err());
    }

    @Test
    void missingRootExitsOne() {
        Cli.Result result = Cli.run("validate", "--root", tmp.resolve("nowhere").toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("the config root is not a directory"), result.out());
    }

    @Test
    void validateNeverPrintsSensitiveValues() {
        // A sensitive var value must not leak through any message, even when the connector has errors.
        Repo.write(root, "ccloud-azure-blob-storage-sink-connector-01/dev-vars.yaml",
                Repo.read(root.resolve("ccloud-azure-blob-storage-sink-connector-01/dev-vars.yaml"))
                        .replace("tasks_max: 1", "tasks_max: 99"));
        Cli.Result result = validate("--env", "dev");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("tasks.max is 99, outside 1..10"), result.out());
        assertFalse(result.all().contains("stpevedev01"), result.all());
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
