package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** Flags and files a user gets slightly wrong: each a clear message and the documented exit code. */
class CliEdgesTest {

    @TempDir
    Path root;

    @Test
    void durationsAreShortFormsOrIsoAndMustBeReasonable() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
        assertEquals(Duration.ofMillis(10), converter.convert("10ms"));
        assertEquals(Duration.ofMinutes(2), converter.convert("PT2M"));
        for (String bad : new String[] {"-1s", "0s", "99999999999999h", "soon", "5x", ""}) {
            try {
                converter.convert(bad);
                throw new AssertionError("accepted " + bad);
            } catch (TypeConversionException expected) {
                assertFalse(expected.getMessage().isEmpty());
            }
        }
        Repo.copyExample(root);
        Cli.Result result = Cli.run("status", "--env", "dev", "--interval", "-1s", "--root", root.toString());
        assertEquals(64, result.exitCode(), result.toString());
    }

    @Test
    void planDashOWithAFormatNamePointsToOutput() {
        Repo.copyExample(root);
        Cli.Result result = Cli.run("plan", "--env", "dev", "--offline", "-o", "json", "--root", root.toString());
        assertEquals(64, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--output json"), result.toString());
    }

    @Test
    void aMissingPlanFileIsNamed() {
        Repo.copyExample(root);
        Cli.Result result = Cli.run("apply", "missing.plan.json", "--root", root.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("no plan file missing.plan.json"), result.toString());
    }

    @Test
    void debugIsHonouredAfterTheCommandToo() {
        Repo.copyExample(root);
        Cli.Result result = Cli.run(Map.of("CONFLUENT_CLOUD_API_URL", "notaurl", "CONFLUENT_CLOUD_API_KEY", "k",
                "CONFLUENT_CLOUD_API_SECRET", "s"), "", "status", "--env", "dev", "--root", root.toString(), "--debug");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("CONFLUENT_CLOUD_API_URL='notaurl' is not an http(s) URL"), result.toString());
    }

    @Test
    void zshCompletionLoadsBashcompinit() {
        Cli.Result result = Cli.run("completion", "zsh");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("bashcompinit"));
        assertTrue(result.out().contains("complete -F"), "the bash script follows");
        assertFalse(Cli.run("completion", "--help").out().contains("null"));
    }

    @Test
    void helpSubcommandShowsACommandsHelp() {
        Cli.Result result = Cli.run("help", "plan");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("--detailed-exitcode"));
    }
}
