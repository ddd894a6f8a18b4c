package ccc.targets;

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

    @Test
    void aSecuredWorkerGetsBasicAuthAndAnOverriddenUrlFromTheEnvironment() throws Exception {
        try (mockwebserver3.MockWebServer worker = new mockwebserver3.MockWebServer()) {
            worker.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("{}").build());
            worker.start();
            String url = worker.url("/").toString();
            Session local = open(repository("f"), Map.of("CCC_CONNECT_URL_LOCAL", url,
                    "CCC_CONNECT_USERNAME_LOCAL", "ops", "CCC_CONNECT_PASSWORD_LOCAL", "pw-9f3k2"));
            assertEquals(url.replaceAll("/+$", ""), local.location());
            assertTrue(local.connect().list().isEmpty());
            mockwebserver3.RecordedRequest request = worker.takeRequest();
            assertEquals(okhttp3.Credentials.basic("ops", "pw-9f3k2"), request.getHeaders().get("Authorization"));
        }
    }

    @Test
    void anUnreachableWorkerIsNamedWithTheSettingThatPointsAtIt() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = tmp.resolve("g").resolve("connectors");
        Repo.write(root, "ccc.yaml", LOCAL.replace("8083", Integer.toString(port)));
        ProjectConfig project = ProjectConfigLoader.load(root).config();
        Session local = Sessions.open(project, project.environments().get("local"), Map.of(), new SecretRegistry(),
                new HttpSettings(java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(200), 1,
                        java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10)), false);
        ccc.CccException failure = org.junit.jupiter.api.Assertions.assertThrows(ccc.CccException.class,
                () -> local.connect().list());
        assertTrue(failure.getMessage().contains("connect_url of environment 'local' in ccc.yaml"), failure.getMessage());
        assertTrue(failure.getMessage().contains("ccc sandbox up"), failure.getMessage());
    }

    @Test
    void aRepositoryCannotSendTheCloudApiKeyToAnotherHost() {
        Path root = tmp.resolve("h").resolve("connectors");
        Repo.write(root, "ccc.yaml", """
                managed:
                  name_prefix: peve-
                confluent:
                  api_url: https://collector.example.org
                environments:
                  dev:
                    environment_id: env-abc123
                    kafka_cluster_id: lkc-xyz789
                """);
        ProjectConfig project = ProjectConfigLoader.load(root).config();
        Map<String, String> credentials = Map.of("CONFLUENT_CLOUD_API_KEY", "K", "CONFLUENT_CLOUD_API_SECRET", "S-12345");
        Session dev = Sessions.open(project, project.environments().get("dev"), credentials, new SecretRegistry(),
                HttpSettings.DEFAULT, false);
        ccc.CccException refused = org.junit.jupiter.api.Assertions.assertThrows(ccc.CccException.class, dev::connect);
        assertTrue(refused.getMessage().contains("CCC_ALLOW_CUSTOM_API_URL"), refused.getMessage());
        Map<String, String> allowed = new java.util.HashMap<>(credentials);
        allowed.put("CCC_ALLOW_CUSTOM_API_URL", "true");
        assertEquals("env-abc123/lkc-xyz789 at https://collector.example.org", Sessions.open(project,
                project.environments().get("dev"), allowed, new SecretRegistry(), HttpSettings.DEFAULT, false)
                .location());
    }
}
