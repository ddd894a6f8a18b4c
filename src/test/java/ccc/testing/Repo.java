package ccc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Config repositories for tests: the bundled example, classpath fixtures, and ones written on the fly. */
public final class Repo {

    /** A ccc.yaml with one Confluent Cloud environment, dev. */
    public static final String MINIMAL_CCC_YAML = """
            managed:
              name_prefix: peve-
            environments:
              dev:
                environment_id: env-abc123
                kafka_cluster_id: lkc-xyz789
            """;

    /** {@link #MINIMAL_CCC_YAML} whose dev secrets come from Vault with a token (VAULT_TOKEN, as the fakes set it). */
    public static final String VAULT_TOKEN_CCC_YAML = MINIMAL_CCC_YAML + """
                vault:
                  auth: token
            """;

    /** A ccc.yaml with one self-managed Kafka Connect environment, local, whose worker is at {@code connectUrl}. */
    public static String workerCccYaml(String connectUrl) {
        return """
                managed:
                  name_prefix: peve-
                environments:
                  local:
                    target: kafka-connect
                    connect_url: %s
                """.formatted(connectUrl);
    }

    /** {@link #MINIMAL_CCC_YAML} with one Datagen source in dev, peve-gen-01 (directory ccloud-gen-01), RUNNING. */
    public static void minimalWithDatagen(Path root) {
        write(root, "ccc.yaml", MINIMAL_CCC_YAML);
        connector(root, "dev", "ccloud-gen-01", """
                {"name": "peve-gen-01", "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.topic": "g"}}
                """, "status: RUNNING\n");
    }

    /** The variables the GitHub Actions runner sets for a job of run 4242 of bank/peve-connectors. */
    public static Map<String, String> githubJob(Path workspace) {
        return Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString(),
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "bank/peve-connectors",
                "GITHUB_RUN_ID", "4242");
    }

    private Repo() {
    }

    /** The example repository at the root of the project (tests run with the project as working directory). */
    public static Path example() {
        Path path = Path.of("connectors").toAbsolutePath();
        if (!Files.isRegularFile(path.resolve("ccc.yaml"))) {
            throw new IllegalStateException("the example repository is not at " + path);
        }
        return path;
    }

    /** Copies the example repository into target (created if needed) and returns target. */
    public static Path copyExample(Path target) {
        copyTree(example(), target);
        return target;
    }

    /** A directory of src/test/resources, as a file system path. */
    public static Path resource(String name) {
        URL url = Repo.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a UTF-8 file under root, creating its directories; returns its path. */
    public static Path write(Path root, String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one connector for one environment: directory/env-directory.json and directory/env-vars.yaml.
     */
    public static void connector(Path root, String env, String directory, String json, String vars) {
        write(root, directory + "/" + env + "-" + directory + ".json", json);
        write(root, directory + "/" + env + "-vars.yaml", vars);
    }

    /** A valid Datagen source for dev, with a service account and one variable. */
    public static void datagen(Path root, String directory, String name) {
        connector(root, "dev", directory, """
                {
                  "name": "%s",
                  "config_nonsensitive": {
                    "connector.class": "DatagenSource",
                    "kafka.auth.mode": "SERVICE_ACCOUNT",
                    "kafka.topic": "${topic}",
                    "quickstart": "ORDERS",
                    "tasks.max": "1"
                  }
                }
                """.formatted(name), """
                service_account: SA_PEVE_DATAGEN
                topic: orders
                """);
    }

    /**
     * The example repository copied to {@code dir/connectors}, its {@code local} environment on the
     * given ports (for ccc sandbox); returns the config root. The sandbox keeps its files in
     * {@code dir/.ccc/sandbox}.
     */
    public static Path sandboxExample(Path dir, int connectPort, int kafkaPort) {
        Path root = copyExample(dir.resolve("connectors"));
        String yaml = read(root.resolve("ccc.yaml"))
                .replace("connect_url: http://localhost:8083", "connect_url: http://localhost:" + connectPort)
                .replace("kafka_port: 9092", "kafka_port: " + kafkaPort);
        write(root, "ccc.yaml", yaml);
        return root;
    }

    /** A TCP port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
