package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory of src/test/resources/broken is a whole config repository with one kind of mistake, and an
 * expect.txt listing the substrings (file, place, message) that {@code ccc validate} must print for it, one per
 * line; lines starting with # are comments. Paths in expect.txt are relative to the case's root.
 */
class BrokenRepositoriesTest {

    static List<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.resource("broken"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theCorpusIsLargeAndEveryCaseHasExpectations() throws IOException {
        List<String> cases = cases();
        assertTrue(cases.size() >= 15, "at least 15 broken repositories, found " + cases.size());
        for (String name : cases) {
            assertFalse(expectations(name).isEmpty(), name + "/expect.txt lists nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateNamesTheFileAndThePlace(String name) throws IOException {
        Path root = Repo.resource("broken/" + name);
        Cli.Result result = Cli.run("validate", "--root", root.toString());
        String output = result.all().replace(root + root.getFileSystem().getSeparator(), "");

        assertEquals(1, result.exitCode(), result::toString);
        for (String expected : expectations(name)) {
            assertTrue(output.contains(expected), () -> "missing '" + expected + "' in:\n" + output);
        }
        assertFalse(output.contains("\tat "), () -> "stack trace:\n" + output);
        assertFalse(output.contains("Exception"), () -> "exception name:\n" + output);
        assertFalse(output.contains("[Source:") || output.contains("REDACTED"), () -> "parser internals:\n" + output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonOutputAgreesWithTheExitCode(String name) throws IOException {
        Path root = Repo.resource("broken/" + name);
        Cli.Result result = Cli.run("validate", "--root", root.toString(), "--output", "json");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\"valid\" : false"), result.out());
        assertFalse(result.all().contains("Exception"), result::toString);
    }

    private static List<String> expectations(String name) throws IOException {
        return Files.readAllLines(Repo.resource("broken/" + name).resolve("expect.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }
}
