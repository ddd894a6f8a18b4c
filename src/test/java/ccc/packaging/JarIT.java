package ccc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar users run, not the test class path: a library that only the tests see (a 'provided'
 * logging API, say) shows up here and nowhere else. Runs after 'package', as the README runs it.
 */
class JarIT {

    private static final Path JAR = Path.of("target", "ccc.jar");

    record Run(int exitCode, String out, String err) {
    }

    private static Run ccc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ccc-out", ".txt");
        Path err = Files.createTempFile("ccc-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ccc did not finish: " + command);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarValidatesAndPlansTheBundledExampleWithoutAStackTrace() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: ./mvnw package");
        Run validate = ccc("validate", "--root", "connectors");
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().startsWith("Valid:"), validate.toString());
        Run plan = ccc("plan", "--env", "dev", "--offline", "--root", "connectors", "--output", "json");
        assertEquals(0, plan.exitCode(), plan.toString());
        assertTrue(plan.out().contains("\"format_version\""), plan.toString());
        for (Run run : List.of(validate, plan)) {
            assertFalse(run.err().contains("Exception") || run.err().contains("SLF4J"), run.toString());
        }
    }

    @Test
    void everyCommandAnswersHelp() throws Exception {
        Run help = ccc("--help");
        assertEquals(0, help.exitCode(), help.toString());
        for (String command : List.of("validate", "render", "plan", "apply", "status", "pause", "resume", "restart",
                "offsets", "doctor", "new", "import", "migrate", "sandbox", "schema", "affected", "alert",
                "completion")) {
            assertTrue(help.out().contains(command), "--help lists " + command + ":\n" + help.out());
        }
    }
}
