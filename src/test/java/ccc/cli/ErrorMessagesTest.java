package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a user hands ccc besides the config repository (an offsets file, a saved plan, a list of changed paths)
 * are reported like config files when they are wrong: at their place, in the file's terms, without the parser's
 * internals, and naming the file once.
 */
class ErrorMessagesTest {

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        env = cloud.env("SECRET-canary-0042", "vault-token-unused");
        Repo.minimalWithDatagen(root);
        cloud.put("peve-gen-01", Map.of("connector.class", "DatagenSource", "kafka.topic", "g"));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    Cli.Result ccc(String... args) {
        Cli.Result result = Cli.run(env, "", args);
        assertFalse(result.all().contains("[Source:") || result.all().contains("REDACTED")
                || result.all().contains("Exception") || result.all().contains("\tat "), result.toString());
        return result;
    }

    static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aMalformedOffsetsFileIsReportedAtItsPlace() {
        Path file = Repo.write(root, "offsets.json", """
                {"offsets": [
                  {"partition": {"kafka_partition": 0}, "offset": {"kafka_offset": 5}}
                """);
        Cli.Result result = ccc("offsets", "set", "--env", "dev", "peve-gen-01", "--file", file.toString(), "--yes",
                "--root", root.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("error: cannot read the offsets: " + file + ":3:1: malformed JSON: Unexpected end-of-input: the "
                + "list opened at line 1, column 13 is not closed. Fix the syntax at that place. Write it like the output "
                + "of 'ccc offsets get --output json'.\n", result.err());
        assertTrue(cloud.writes().isEmpty(), cloud.writes().toString());

        Repo.write(root, "offsets.json", "{\"offsets\": [], \"offsets\": []}");
        Cli.Result duplicate = ccc("offsets", "set", "--env", "dev", "peve-gen-01", "--file", file.toString(), "--yes",
                "--root", root.toString());
        assertTrue(duplicate.err().contains(file + ":1:"), duplicate.toString());
        assertTrue(duplicate.err().contains("Duplicate field 'offsets'"), duplicate.toString());
        assertEquals(1, count(duplicate.err(), file.toString()), duplicate.toString());
    }

    @Test
    void aMalformedSavedPlanIsReportedAtItsPlace() {
        Path plan = Repo.write(root, "dev.plan.json", "{\"format_version\": 1, \"environment\": \"dev\", \"x\": [}");
        Cli.Result result = ccc("apply", plan.toString(), "--root", root.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("error: cannot read the saved plan: " + plan + ":1:"), result.toString());
        assertTrue(result.err().contains("malformed JSON: Unexpected close marker '}': expected ']' (to close the list "
                + "opened at line 1, column "), result.toString());
    }

    @Test
    void aFileThatCannotBeReadIsNamedOnceWithTheReason() throws Exception {
        Cli.Result missing = ccc("affected", "--env", "dev", "--files-from", root.resolve("changed.txt").toString(),
                "--root", root.toString());
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals("error: cannot read the changed paths from " + root.resolve("changed.txt") + ": it does not exist\n",
                missing.err());

        Path directory = Files.createDirectories(root.resolve("offsets-dir.json"));
        Cli.Result notAFile = ccc("offsets", "set", "--env", "dev", "peve-gen-01", "--file", directory.toString(),
                "--yes", "--root", root.toString());
        assertEquals(1, notAFile.exitCode(), notAFile.toString());
        assertTrue(notAFile.err().contains(directory + ": this is a directory, not a file"), notAFile.toString());
        assertEquals(1, count(notAFile.err(), directory.toString()), notAFile.toString());
    }
}
