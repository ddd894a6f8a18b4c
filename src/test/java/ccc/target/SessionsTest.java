package ccc.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.HttpSettings;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.secret.SecretRegistry;
import ccc.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    private static final String LOCAL = """
            managed:
              name_prefix: peve-
            environments:
              local:
                target: kafka-connect
                connect_url: http://localhost:8083
            """;

    @TempDir
    Path tmp;

    private static Session open(Path root, Map<String, String> env) {
        ProjectConfig project = ProjectConfigLoader.load(root).config();
        return Sessions.open(project, project.environments().get("local"), env, new SecretRegistry(),
                HttpSettings.DEFAULT, false);
    }

    private Path repository(String name) {
        Path root = tmp.resolve(name).resolve("connectors");
        Repo.write(root, "ccc.yaml", LOCAL);
        return root;
    }

    @Test
    void aSelfManagedDigestKeyIsRandomAndKeptBesideTheConfigRootNeverDerivedFromTheUrl() throws Exception {
        Path first = repository("a");
        Path second = repository("b");
        String digestA = open(first, Map.of()).digest().apply("secret=1234");
        assertEquals(digestA, open(first, Map.of()).digest().apply("secret=1234"), "stable on this machine");
        assertNotEquals(digestA, open(second, Map.of()).digest().apply("secret=1234"),
                "the same public connect_url gives another key: nothing public derives it");
        Path key = tmp.resolve("a/.ccc/digest.key");
        assertTrue(Files.isRegularFile(key));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        assertFalse(Files.readString(key).contains("localhost"));
    }

    @Test
    void anExplicitDigestKeyWinsAndNeedsNoFile() {
        Path root = repository("c");
        String explicit = open(root, Map.of("CCC_DIGEST_KEY", "k-123456789")).digest().apply("x");
        assertEquals(explicit, open(repository("d"), Map.of("CCC_DIGEST_KEY", "k-123456789")).digest().apply("x"));
        assertFalse(Files.exists(tmp.resolve("c/.ccc/digest.key")));
    }

    @Test
    void onlySessionsSayWhatTheirRemoteDoes() {
        Session local = open(repository("e"), Map.of());
        assertTrue(local.returnsPlainSecrets());
        assertFalse(local.dropsUndefinedKeys());
        assertEquals("http://localhost:8083", local.location());
    }
}
