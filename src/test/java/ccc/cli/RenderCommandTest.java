package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Golden;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    /** What the example's dev connectors must never show: Vault paths and keys, and sensitive var values. */
    private static final List<String> NEVER_PRINTED = List.of("secret/peve/azure-blob", "account_key", "stpevedev01",
            "${vault:");

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void copyExample() {
        root = Repo.copyExample(tmp.resolve("connectors"));
    }

    private Cli.Result render(String... extra) {
        return Cli.inRoot("render", root, extra);
    }

    private static void assertNoSecrets(String output) {
        for (String secret : NEVER_PRINTED) {
            assertFalse(output.contains(secret), () -> "printed '" + secret + "':\n" + output);
        }
    }

    @Test
    void textMatchesTheGoldenFile() {
        Cli.Result result = render("--env", "dev");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err());
        Golden.assertMatches("render-dev.txt", result.out());
    }

    @Test
    void jsonMatchesTheGoldenFile() {
        Cli.Result result = render("--env", "dev", "--output", "json");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err());
        Golden.assertMatches("render-dev.json", result.out());
    }

    @Test
    void markdownMatchesTheGoldenFile() {
        Cli.Result result = render("--env", "dev", "--output", "markdown");
        assertEquals(0, result.exitCode(), result::toString);
        Golden.assertMatches("render-dev.md", result.out());
    }

    @Test
    void secretsAreMaskedInEveryFormat() {
        for (String format : List.of("text", "json", "markdown")) {
            Cli.Result result = render("--env", "dev", "--output", format);
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().contains("********"), format);
            assertNoSecrets(result.all());
        }
    }

    @Test
    void jsonIsTheDocumentedContract() throws Exception {
        JsonNode document = new ObjectMapper().readTree(render("--env", "dev", "--output", "json").out());
        assertEquals(1, document.get("format_version").asInt());
        assertEquals("dev", document.get("environment").asText());
        JsonNode sink = document.get("connectors").get(0);
        assertEquals("peve-azure-blob-storage-sink-connector-01", sink.get("name").asText());
        assertEquals("ccloud-azure-blob-storage-sink-connector-01", sink.get("directory").asText());
        assertEquals("sink", sink.get("type").asText());
        assertEquals("RUNNING", sink.get("status").asText());
        assertEquals("SA_PEVE_BLOB_01", sink.get("service_account").asText());
        assertEquals("azc-peve-connect-test-dlq", sink.get("config").get("errors.deadletterqueue.topic.name").asText());
        assertEquals("********", sink.get("config").get("azblob.account.key").asText());
        assertEquals("[\"azblob.account.name\",\"azblob.account.key\"]", sink.get("sensitive_keys").toString());
    }

    @Test
    void pausedStatusIsShown() {
        Cli.Result result = render("--env", "prod", "peve-datagen-source-connector-01");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("status: PAUSED"), result.out());
    }

    @Test
    void selectsByNameOrDirectory() {
        Cli.Result byName = render("--env", "dev", "peve-datagen-source-connector-01");
        Cli.Result byDirectory = render("--env", "dev", "ccloud-datagen-source-connector-01");
        assertEquals(0, byName.exitCode(), byName::toString);
        assertEquals(byName.out(), byDirectory.out());
        assertTrue(byName.out().startsWith("# peve-datagen-source-connector-01\n"), byName.out());
        assertFalse(byName.out().contains("azure-blob"), byName.out());
    }

    @Test
    void unknownNameIsAnErrorWithSuggestions() {
        Cli.Result result = render("--env", "dev", "peve-datagen-source-connector-1");
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("no connector named 'peve-datagen-source-connector-1' in dev. "
                + "Did you mean: peve-datagen-source-connector-01?"), result.err());
    }

    @Test
    void invalidRepositoryIsRefusedWithEveryError() {
        Repo.write(root, "ccloud-datagen-source-connector-01/dev-vars.yaml", "service_account: SA\n");
        Cli.Result result = render("--env", "dev");
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("", result.out(), "nothing rendered");
        assertTrue(result.err().contains("undefined variable '${topic}'"), result.err());
        assertTrue(result.err().contains("undefined variable '${max_interval_ms}'"), result.err());
        assertTrue(result.err().contains("error: the config repository has 2 errors"), result.err());
    }

    @Test
    void warningsGoToStandardErrorAndDoNotFail() {
        Repo.write(root, "ccloud-datagen-source-connector-01/dev-vars.yaml",
                Repo.read(root.resolve("ccloud-datagen-source-connector-01/dev-vars.yaml")) + "leftover: 1\n");
        Cli.Result result = render("--env", "dev");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("warning: "), result.err());
        assertTrue(result.err().contains("variable 'leftover' is never used"), result.err());
        Golden.assertMatches("render-dev.txt", result.out());
    }

    @Test
    void unknownEnvironmentIsAUsageErrorWithTheClosestOneAndTheList() {
        Cli.Result result = render("--env", "dve");
        assertEquals(64, result.exitCode(), result::toString);
        assertEquals("error: unknown environment 'dve'; did you mean dev? ccc.yaml declares dev, cert, prod, local.\n",
                result.err());
    }

    @Test
    void localSandboxEnvironmentRenders() {
        Cli.Result result = render("--env", "local");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("connector.class                                 = "
                + "org.apache.kafka.connect.file.FileStreamSinkConnector"), result.out());
        assertFalse(result.out().contains("service account"), result.out());
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        String esc = "\u001b[";
        String[] args = {"render", "--root", root.toString(), "--env", "dev"};
        assertTrue(Cli.run(Map.of(), true, "", args).out().contains(esc), "terminal: colour");
        assertFalse(Cli.run(Map.of("NO_COLOR", "1"), true, "", args).out().contains(esc), "NO_COLOR");
        assertFalse(Cli.run(Map.of(), true, "", "render", "--root", root.toString(), "--env", "dev", "--no-color")
                .out().contains(esc), "--no-color");
        assertFalse(Cli.run(Map.of(), false, "", args).out().contains(esc), "not a terminal");
    }
}
