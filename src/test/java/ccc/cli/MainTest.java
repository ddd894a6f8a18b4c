package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpExitsZeroWithExamplesAndExitCodes() {
        Cli.Result result = Cli.run("--help");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: ccc "), result.out());
        assertTrue(result.out().contains("Examples:"), result.out());
        assertTrue(result.out().contains("  ccc validate --root connectors"), result.out());
        assertTrue(result.out().contains("64 usage error"), result.out());
        for (String command : new String[] {"validate", "render", "new", "completion"}) {
            assertTrue(result.out().contains("  " + command), command);
        }
        assertEquals("", result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "render", "new", "completion"})
    void everyCommandHasHelpWithAnExample(String command) {
        Cli.Result result = Cli.run(command, "--help");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: ccc " + command), result.out());
        assertTrue(result.out().contains("Examples:\n  "), result.out());
        assertTrue(result.out().contains("ccc " + command), result.out());
    }

    @Test
    void shortHelpFlag() {
        assertEquals(0, Cli.run("-h").exitCode());
    }

    @Test
    void versionExitsZero() {
        Cli.Result result = Cli.run("--version");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("ccc "), result.out());
        assertTrue(result.out().contains("Java "), result.out());
        assertEquals(0, Cli.run("render", "--version").exitCode());
    }

    @Test
    void bashCompletion() {
        Cli.Result result = Cli.run("completion", "bash");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("#!/usr/bin/env bash"), result.out());
        assertTrue(result.out().contains("complete -F"), "registers a completion function");
        assertTrue(result.out().contains("validate") && result.out().contains("render"), "knows the subcommands");
        assertTrue(result.out().contains("--root"), "knows the options");
    }

    @Test
    void zshCompletion() {
        Cli.Result result = Cli.run("completion", "zsh");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("complete"), result.out());
    }

    @Test
    void unknownShellIsAUsageError() {
        Cli.Result result = Cli.run("completion", "fish");
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("'fish'"), result.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("a command is required"), result.err());
        assertTrue(result.err().contains("Run 'ccc --help' for usage."), result.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("deploy");
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("error: "), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "render --env dev", "new ccloud-x --class DatagenSource"})
    void unknownFlagIsAUsageError(String commandLine) {
        String command = commandLine.split(" ")[0];
        String[] args = (commandLine + " --root target/no-such-root --bogus").split(" ");
        Cli.Result result = Cli.run(args);
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("'--bogus'"), result.err());
        assertTrue(result.err().contains("Run 'ccc " + command + " --help' for usage."), result.err());
        assertEquals("", result.out());
    }

    @Test
    void missingRequiredOptionAndUnknownFlagIsStillAUsageError() {
        // picocli names the missing --env rather than the unknown flag; either way it is exit 64.
        assertEquals(64, Cli.run("render", "--bogus").exitCode());
    }

    @Test
    void unknownFlagBeforeTheCommand() {
        assertEquals(64, Cli.run("--bogus", "validate").exitCode());
    }

    @Test
    void renderWithoutEnvIsAUsageError() {
        Cli.Result result = Cli.run("render", "--root", "connectors");
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Missing required option: '--env=ENV'"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void badOutputFormatIsAUsageError() {
        Cli.Result result = Cli.run("validate", "--root", "connectors", "--output", "yaml");
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("yaml"), result.err());
    }

    @Test
    void outputFormatIsCaseInsensitive() {
        Cli.Result result = Cli.run("validate", "--root", "connectors", "--output", "JSON");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\"format_version\" : 1"), result.out());
    }

    @Test
    void optionValueMissingIsAUsageError() {
        assertEquals(64, Cli.run("render", "--env").exitCode());
    }

    @Test
    void usageErrorsPrintNoStackTrace() {
        for (String[] args : new String[][] {{"--bogus"}, {"render"}, {"render", "--env"}, {"new"}}) {
            Cli.Result result = Cli.run(args);
            assertFalse(result.all().contains("\tat "), result::toString);
            assertFalse(result.all().contains("Exception"), result::toString);
        }
    }
}
