package ccc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file of src/test/resources/golden exactly. To accept a deliberate change, run
 * {@code ./mvnw verify -Dccc.golden.update=true}, then review the diff of the golden files before committing.
 */
public final class Golden {

    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("ccc.golden.update")) {
            Repo.write(SOURCE_DIR, name, actual);
            return;
        }
        Path file = SOURCE_DIR.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no golden file " + file + "; run with -Dccc.golden.update=true to create it."
                    + " The output was:\n" + actual);
        }
        assertEquals(Repo.read(file), actual, "output differs from " + file
                + " (if the change is intended, run with -Dccc.golden.update=true and review the diff)");
    }
}
