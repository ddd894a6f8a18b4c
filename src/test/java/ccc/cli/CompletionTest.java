package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shell completion offers commands, options, enumerated values, and the environment and connector names of the
 * config repository, read from ccc.yaml and the connector directories without network: 'ccc __complete' in-process,
 * and the script 'ccc completion bash' prints driven by a real bash, as TAB would drive it.
 */
class CompletionTest {

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void setUp() {
        root = Repo.copyExample(dir.resolve("connectors"));
    }

    @Test
    void completeListsEnvironmentsNamesAndTemplatesOfTheRepository() {
        assertEquals("cert\ndev\nlocal\nprod\n", Cli.run("__complete", "envs", "--root", root.toString()).out());
        String names = Cli.run("__complete", "names", "--root", root.toString(), "--env", "dev").out();
        assertEquals("ccloud-azure-blob-storage-sink-connector-01\nccloud-datagen-source-connector-01\n"
                + "peve-azure-blob-storage-sink-connector-01\npeve-datagen-source-connector-01\n", names);
        assertEquals("azure-blob-sink\ndatagen-source\n",
                Cli.run("__complete", "templates", "--root", root.toString()).out());
    }

    @Test
    void completeIsSilentWhereThereIsNothingToOffer() throws IOException {
        Cli.Result none = Cli.run("__complete", "names", "--root", dir.resolve("nowhere").toString());
        assertEquals(0, none.exitCode(), none.toString());
        assertEquals("", none.all());
        Files.writeString(root.resolve("ccc.yaml"), "environments: [\n");
        Cli.Result broken = Cli.run("__complete", "envs", "--root", root.toString());
        assertEquals(0, broken.exitCode(), broken.toString());
        assertEquals("", broken.all());
        assertTrue(!Cli.run("--help").out().contains("__complete"), "hidden from --help");
    }

    // ---------------------------------------------------------------- the script, in bash

    /** What TAB offers after {@code words} (the last one being completed), in the directory holding connectors/. */
    List<String> tab(String... words) throws Exception {
        Path script = dir.resolve("ccc-completion.bash");
        Files.writeString(script, Cli.run("completion", "bash").out(), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        String driver = String.join("\n",
                "ccc() { '" + java + "' -cp \"$CCC_CLASSPATH\" ccc.cli.Main \"$@\"; }",
                "source '" + script + "'",
                "complete -p ccc >&2",
                "COMP_WORDS=(" + line + ")",
                "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
                "_ccc",
                "printf '%s\\n' \"${COMPREPLY[@]}\"");
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", driver).directory(dir.toFile());
        // Surefire runs the tests from a manifest-only jar: the real class path is in its own property.
        builder.environment().put("CCC_CLASSPATH", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bash did not finish");
        String errors = Files.readString(err);
        assertEquals(0, process.exitValue(), errors);
        assertTrue(errors.startsWith("complete -F _ccc ccc"), errors);
        List<String> offered = new ArrayList<>(Arrays.asList(Files.readString(out).split("\n")));
        offered.removeIf(String::isEmpty);
        offered.sort(null);
        return offered;
    }

    static boolean bash() {
        try {
            return new ProcessBuilder("bash", "-c", "true").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void bashCompletesCommandsOptionsAndValues() throws Exception {
        Assumptions.assumeTrue(bash(), "bash is not installed");
        assertEquals(List.of("status"), tab("ccc", "stat"));
        assertEquals(List.of("get", "reset", "set"), tab("ccc", "offsets", ""));
        assertEquals(List.of("reset"), tab("ccc", "offsets", "re"));
        assertEquals(List.of("json", "markdown", "text"), tab("ccc", "plan", "--output", ""));
        assertEquals(List.of("--output"), tab("ccc", "plan", "--outp"));
        assertEquals(List.of("bash", "zsh"), tab("ccc", "completion", ""));
        assertEquals(List.of("--no-wait"), tab("ccc", "apply", "--no-w"));
    }

    @Test
    void bashCompletesEnvironmentAndConnectorNamesFromTheRepository() throws Exception {
        Assumptions.assumeTrue(bash(), "bash is not installed");
        assertEquals(List.of("cert", "dev", "local", "prod"), tab("ccc", "status", "--env", ""),
                "the default root, ./connectors");
        assertEquals(List.of("dev"), tab("ccc", "render", "--root", root.toString(), "-e", "d"));
        assertEquals(List.of("peve-azure-blob-storage-sink-connector-01", "peve-datagen-source-connector-01"),
                tab("ccc", "status", "--root", root.toString(), "--env", "dev", "peve-"));
        assertEquals(List.of("ccloud-datagen-source-connector-01"),
                tab("ccc", "offsets", "reset", "--env", "prod", "ccloud-d"));
        assertEquals(List.of("azure-blob-sink", "datagen-source"), tab("ccc", "new", "x", "--template", ""));
        assertEquals(List.of(), tab("ccc", "migrate", "--from", "http://worker:8083", ""),
                "a worker's connector names are not the repository's");
    }
}
