package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.secret.SecretRegistry;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.FakeWorker;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that takes --output honours it: json prints one document (format_version 1) and nothing else on
 * standard output, markdown prints markdown, not the text. The commands are found in the command tree, so a new one
 * with --output fails here until it is given a run.
 */
class OutputFormatsTest {

    static final String GEN = "peve-gen-01";

    @TempDir
    Path dir;
    Path template;
    FakeConfluentCloud cloud;
    FakeWorker worker;
    Map<String, String> env;
    int runs;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        worker = new FakeWorker();
        env = cloud.env("SECRET-canary-0042", "vault-token-unused");
        template = dir.resolve("template");
        Repo.minimalWithDatagen(template);
        Repo.write(template, "ccc.yaml", Repo.MINIMAL_CCC_YAML + """
                  local:
                    target: kafka-connect
                    connect_url: %s
                """.formatted(worker.url()));
        Repo.connector(template, "dev", "ccloud-orders-sink", """
                {"name": "peve-orders-sink", "config_nonsensitive": {"connector.class": "AzureBlobSink",
                 "topics": "orders"}}
                """, "status: RUNNING\n");
        Repo.write(template, "offsets.json", """
                {"offsets": [{"partition": {"kafka_partition": 0}, "offset": {"kafka_offset": 5}}]}
                """);
        cloud.put(GEN, Map.of("connector.class", "DatagenSource", "kafka.topic", "g"));
        worker.put("orders-sink", "sink", Map.of("connector.class",
                "io.confluent.connect.azure.blob.AzureBlobStorageSinkConnector", "topics", "orders"));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
        worker.close();
    }

    /** One run per command with --output, by its qualified name; ROOT is a fresh copy of the repository. */
    Map<String, List<String>> runs() {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("validate", List.of());
        runs.put("render", List.of("--env", "dev"));
        runs.put("plan", List.of("--env", "dev"));
        runs.put("apply", List.of("--env", "dev", "--auto-approve", GEN, "--poll-interval", "10ms"));
        runs.put("status", List.of("--env", "dev"));
        runs.put("doctor", List.of("--env", "dev"));
        runs.put("pause", List.of("--env", "dev", GEN, "--poll-interval", "10ms"));
        runs.put("resume", List.of("--env", "dev", GEN, "--poll-interval", "10ms"));
        runs.put("restart", List.of("--env", "dev", GEN, "--poll-interval", "10ms"));
        runs.put("offsets get", List.of("--env", "dev", GEN));
        runs.put("offsets set", List.of("--env", "dev", GEN, "--file", "ROOT/offsets.json", "--yes",
                "--poll-interval", "10ms"));
        runs.put("offsets reset", List.of("--env", "dev", GEN, "--yes", "--poll-interval", "10ms"));
        runs.put("affected", List.of("--env", "dev", "--all"));
        runs.put("alert", List.of("--env", "dev"));
        runs.put("import", List.of("--from", worker.url(), "--env", "dev", "orders-sink"));
        runs.put("migrate", List.of("--from", worker.url(), "orders-sink", "--env", "dev", "--to", "peve-orders-sink"));
        runs.put("sandbox status", List.of());
        return runs;
    }

    /** The qualified names of the commands that have --output. */
    static List<String> commandsWithOutput() {
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of(), false, new SecretRegistry());
        List<String> found = new ArrayList<>();
        CommandLine top = new CommandLine(new CccCommand(context));
        Commands.register(top, new String[] {"completion"}); // a run that describes every command builds them all
        collect(top, found);
        return found;
    }

    private static void collect(CommandLine command, List<String> found) {
        if (command.getCommandSpec().findOption("--output") != null) {
            found.add(command.getCommandSpec().qualifiedName(" ").substring("ccc ".length()));
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, found));
    }

    Cli.Result run(String command, List<String> args, String format) {
        Path root = dir.resolve("root-" + runs++);
        Repo.copyTree(template, root);
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        args.forEach(arg -> all.add(arg.replace("ROOT", root.toString())));
        all.addAll(List.of("--root", root.toString(), "--output", format));
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        assertFalse(result.all().contains("\tat ") || result.all().contains("unexpected failure"), result.toString());
        assertFalse(result.all().contains("SECRET-canary-0042"), result.toString());
        return result;
    }

    @Test
    void everyCommandWithOutputHasARunHere() {
        assertEquals(new TreeSet<>(commandsWithOutput()), new TreeSet<>(runs().keySet()));
    }

    @Test
    void jsonIsOneDocumentWithFormatVersionOne() throws Exception {
        for (Map.Entry<String, List<String>> command : runs().entrySet()) {
            Cli.Result result = run(command.getKey(), command.getValue(), "json");
            JsonNode document;
            try {
                document = Json.MAPPER.readTree(result.out());
            } catch (Exception e) {
                throw new AssertionError(command.getKey() + ": standard output is not one JSON document:\n" + result, e);
            }
            assertTrue(document != null && document.isObject(), command.getKey() + ":\n" + result);
            assertEquals(1, document.path("format_version").asInt(), command.getKey() + ":\n" + result);
            assertEquals("format_version", document.fieldNames().next(), command.getKey() + ": it comes first");
        }
    }

    @Test
    void markdownIsMarkdownNotTheText() {
        for (Map.Entry<String, List<String>> command : runs().entrySet()) {
            Cli.Result markdown = run(command.getKey(), command.getValue(), "markdown");
            Cli.Result text = run(command.getKey(), command.getValue(), "text");
            assertFalse(markdown.out().isBlank(), command.getKey() + ":\n" + markdown);
            assertTrue(markdown.out().contains("### ") || markdown.out().contains("| "),
                    command.getKey() + ": a heading or a table:\n" + markdown);
            assertNotEquals(text.out(), markdown.out(), command.getKey() + ": the text is not markdown");
        }
    }
}
