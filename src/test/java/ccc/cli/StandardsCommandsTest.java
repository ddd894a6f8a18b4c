package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.ConfigSchema;
import ccc.testing.Cli;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank's standards from the command line: schemas for editors, templates, policies in validate and plan. */
class StandardsCommandsTest {

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void copyExample() {
        root = Repo.copyExample(tmp.resolve("connectors"));
    }

    private List<String> files(String directory) throws IOException {
        try (Stream<Path> list = Files.list(root.resolve(directory))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // --- schemas

    @Test
    void schemaPrintsEachSchemaAndWritesThemAll() throws IOException {
        for (ConfigSchema schema : ConfigSchema.values()) {
            Cli.Result result = Cli.run("schema", schema.id());
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(schema.text(), result.out());
        }
        Cli.Result written = Cli.run("schema", "--write", tmp.resolve("schemas").toString());
        assertEquals(0, written.exitCode(), written::toString);
        assertEquals(ConfigSchema.CONNECTOR.text(), Repo.read(tmp.resolve("schemas/connector.schema.json")));
        assertTrue(Files.exists(tmp.resolve("schemas/ccc.schema.json")));
        assertTrue(Files.exists(tmp.resolve("schemas/vars.schema.json")));
        assertTrue(Cli.run("schema", "--list").out().contains("vars       vars.schema.json       <env>-vars.yaml"));
    }

    @Test
    void unknownSchemaIsAUsageError() {
        Cli.Result result = Cli.run("schema", "plan");
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("ccc.yaml, connector, vars"), result.err());
        assertEquals(64, Cli.run("schema").exitCode());
    }

    // --- templates

    @Test
    void listTemplatesShowsTheExamplesTwo() {
        Cli.Result result = Cli.run("new", "--list-templates", "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("azure-blob-sink  Azure Blob Storage sink (AzureBlobSink)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("datagen-source   Datagen source (DatagenSource)"), lines.get(1));
    }

    @Test
    void eachTemplateScaffoldsAConnectorThatMeetsEveryStandard() throws IOException {
        Cli.Result sink = Cli.run("new", "ccloud-orders-blob-sink-02", "--template", "azure-blob-sink",
                "--root", root.toString());
        assertEquals(0, sink.exitCode(), sink::toString);
        assertTrue(sink.out().contains("Next: fill in the vars files"), sink.out());
        Cli.Result source = Cli.run("new", "ccloud-orders-datagen-02", "--template", "datagen-source",
                "--root", root.toString());
        assertEquals(0, source.exitCode(), source::toString);
        assertEquals(List.of("cert-ccloud-orders-blob-sink-02.json", "cert-vars.yaml",
                "dev-ccloud-orders-blob-sink-02.json", "dev-vars.yaml", "local-ccloud-orders-blob-sink-02.json",
                "local-vars.yaml", "prod-ccloud-orders-blob-sink-02.json", "prod-vars.yaml"),
                files("ccloud-orders-blob-sink-02"));

        Cli.Result validate = Cli.run("validate", "--root", root.toString(), "--output", "json");
        assertEquals(0, validate.exitCode(), validate::toString);
        JsonNode problems = new ObjectMapper().readTree(validate.out());
        assertEquals(0, problems.path("errors").size(), validate.out());
        assertTrue(problems.path("warnings").size() > 0, validate.out());
        problems.path("warnings").forEach(warning -> assertEquals("scaffold-placeholder", warning.path("rule").asText(),
                "the only warnings are the placeholders left to fill in: " + warning));

        String dev = Repo.read(root.resolve("ccloud-orders-blob-sink-02/dev-ccloud-orders-blob-sink-02.json"));
        assertTrue(dev.contains("\"name\": \"peve-orders-blob-sink-02\""), dev);
        assertTrue(dev.contains("${vault:secret/peve/ccloud-orders-blob-sink-02#account_key}"), dev);
        assertTrue(Repo.read(root.resolve("ccloud-orders-blob-sink-02/prod-vars.yaml")).contains("flush_size: 5000"),
                "the template's prod variant");
        assertTrue(Repo.read(root.resolve("ccloud-orders-blob-sink-02/local-ccloud-orders-blob-sink-02.json"))
                .contains("FileStreamSinkConnector"), "the kafka-connect target's variant");
        assertTrue(Repo.read(root.resolve("ccloud-orders-datagen-02/local-vars.yaml"))
                .contains("file: /tmp/ccc-sandbox/ccloud-orders-datagen-02.txt"));
    }

    @Test
    void aTemplateThatBreaksAPolicySaysSoWhereItIsUsed() {
        Repo.write(root, ".templates/datagen-source/dev.connector.json",
                Repo.read(root.resolve(".templates/datagen-source/connector.json")).replace("\"tasks.max\": \"1\"",
                        "\"tasks.max\": \"6\""));
        Cli.Result result = Cli.run("new", "ccloud-orders-datagen-02", "--template", "datagen-source", "--env", "dev",
                "--root", root.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("created "), result.out());
        assertTrue(result.err().contains("'tasks.max' is 6, above the ceiling of 2 (policy 'small-outside-prod'"),
                result.err());
    }

    @Test
    void templateMistakesAreNamed() {
        Cli.Result unknown = Cli.run("new", "ccloud-x-01", "--template", "s3-sink", "--root", root.toString());
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("no template 's3-sink'"), unknown.err());
        assertTrue(unknown.err().contains("azure-blob-sink, datagen-source"), unknown.err());

        Repo.write(root, ".templates/broken/connector.json", "{\"name\": \"{{name}}\",\n \"x\": \"{{owner}}\"}\n");
        Repo.write(root, ".templates/broken/vars.yaml", "status: RUNNING\n");
        Cli.Result placeholder = Cli.run("new", "ccloud-x-01", "--template", "broken", "--root", root.toString());
        assertEquals(1, placeholder.exitCode(), placeholder::toString);
        assertTrue(placeholder.err().contains("connector.json:2: unknown placeholder '{{owner}}'"), placeholder.err());
        assertFalse(Files.exists(root.resolve("ccloud-x-01")), "nothing written");

        Cli.Result both = Cli.run("new", "ccloud-x-01", "--template", "datagen-source", "--class", "DatagenSource",
                "--root", root.toString());
        assertEquals(64, both.exitCode(), both::toString);
        Cli.Result typed = Cli.run("new", "ccloud-x-01", "--template", "datagen-source", "--type", "source",
                "--root", root.toString());
        assertEquals(64, typed.exitCode(), typed::toString);
    }

    @Test
    void aTemplateNeverOverwrites() {
        Path json = root.resolve("ccloud-datagen-source-connector-01/dev-ccloud-datagen-source-connector-01.json");
        String before = Repo.read(json);
        Cli.Result result = Cli.run("new", "ccloud-datagen-source-connector-01", "--template", "datagen-source",
                "--root", root.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("refusing to overwrite"), result.err());
        assertEquals(before, Repo.read(json));
    }

    // --- policies in validate and plan

    private void breakProdSink() {
        Path prod = root.resolve("ccloud-azure-blob-storage-sink-connector-01/"
                + "prod-ccloud-azure-blob-storage-sink-connector-01.json");
        Repo.write(root, root.relativize(prod).toString(),
                Repo.read(prod).replace("\"errors.tolerance\": \"all\"", "\"errors.tolerance\": \"none\""));
    }

    @Test
    void validateJsonGivesEachProblemItsRuleForCi() throws IOException {
        breakProdSink();
        Cli.Result result = Cli.run("validate", "--root", root.toString(), "--output", "json");
        assertEquals(1, result.exitCode(), result::toString);
        JsonNode errors = new ObjectMapper().readTree(result.out()).get("errors");
        assertEquals(2, errors.size(), result.out());
        for (JsonNode error : errors) {
            assertEquals("policy/prod-sinks-keep-failed-records", error.get("rule").asText());
        }
        assertEquals("/config_nonsensitive/errors.tolerance", errors.get(0).get("pointer").asText());
    }

    @Test
    void planRefusesWhatBreaksAPolicyWithExitThree() throws IOException {
        breakProdSink();
        Cli.Result refused = Cli.run("plan", "--env", "prod", "--offline", "--root", root.toString(),
                "--output", "json");
        assertEquals(3, refused.exitCode(), refused::toString);
        JsonNode refusal = new ObjectMapper().readTree(refused.out()).get("refusals").get(0);
        assertEquals("policy/prod-sinks-keep-failed-records", refusal.get("rule").asText(), refused.out());
        assertEquals("peve-azure-blob-storage-sink-connector-01", refusal.get("connector").asText());
        assertTrue(refusal.get("message").asText().contains("'errors.tolerance' must be 'all', not 'none'"),
                refused.out());
        Cli.Result text = Cli.run("plan", "--env", "prod", "--offline", "--root", root.toString());
        assertEquals(3, text.exitCode(), text::toString);
        assertTrue(text.out().contains("does not meet policy 'prod-sinks-keep-failed-records'"), text.out());

        // A waiver in ccc.yaml lets it through, and the plan says so.
        Repo.write(root, "ccc.yaml", Repo.read(root.resolve("ccc.yaml")).replace("""
                    hint: Set "errors.tolerance" to "all"; ccc fills in the DLQ topic from dlq.topic_pattern.
                """, """
                    hint: Set "errors.tolerance" to "all"; ccc fills in the DLQ topic from dlq.topic_pattern.
                    exceptions:
                      - connectors: [ccloud-azure-blob-storage-sink-connector-01]
                        reason: the archive tolerates gaps until the migration
                        owner: peve-oncall
                """));
        Cli.Result waived = Cli.run("plan", "--env", "prod", "--offline", "--root", root.toString(),
                "--output", "json");
        assertEquals(0, waived.exitCode(), waived::toString);
        JsonNode notices = new ObjectMapper().readTree(waived.out()).get("notices");
        assertEquals("policy-exception", notices.get(0).get("kind").asText(), waived.out());
        assertTrue(notices.get(0).get("message").asText().contains("exception owned by peve-oncall"),
                waived.out());
    }
}
