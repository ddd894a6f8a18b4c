import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Puts the launcher next to ccc.jar, with what makes it start fast. Run by './mvnw package' (an exec
 * step, as a single-file program: {@code java src/build/PackageLauncher.java TARGET LAUNCHER EXAMPLE}):
 * <ul>
 *   <li>TARGET/ccc: the launcher, executable;</li>
 *   <li>TARGET/ccc.classlist: the classes ccc's usual runs load, recorded by the JVM in training runs of
 *       the jar ({@code -XX:DumpLoadedClassList}): --help, validate and an offline plan of the example
 *       repository, and a plan against a local stand-in for Confluent Cloud, IAM and Vault, which loads
 *       the HTTP clients. The launcher dumps an archive from it where the jar is installed;</li>
 *   <li>TARGET/ccc.jsa: that archive ({@code -Xshare:dump}) for the jar where it is and the JDK of the
 *       build, which TARGET/ccc.jsa.id names as the launcher checks it (the JDK's real home, its runtime
 *       version and the jar's real path, separated by '|').</li>
 * </ul>
 * A training run's exit code does not matter, only the classes it loaded; a dump that fails fails the build.
 */
public final class PackageLauncher {

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toRealPath();
        Path launcher = Path.of(args[1]);
        Path example = Path.of(args[2]).toRealPath();
        Path jar = target.resolve("ccc.jar").toRealPath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();

        Path installed = target.resolve("ccc");
        Files.copy(launcher, installed, StandardCopyOption.REPLACE_EXISTING);
        if (installed.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        Path work = Files.createTempDirectory("ccc-training");
        HttpServer standIn = standIn();
        try {
            Path repository = trainingRepository(work.resolve("repository"));
            String url = "http://127.0.0.1:" + standIn.getAddress().getPort();
            Map<String, String> online = Map.of("CONFLUENT_CLOUD_API_URL", url, "CONFLUENT_CLOUD_API_KEY", "TRAININGKEY",
                    "CONFLUENT_CLOUD_API_SECRET", "training-api-secret", "VAULT_ADDR", url,
                    "VAULT_TOKEN", "training-vault-token");
            List<List<String>> runs = List.of(
                    List.of("--help"),
                    List.of("validate", "--root", example.toString()),
                    List.of("plan", "--env", "dev", "--offline", "--root", example.toString()),
                    List.of("plan", "--env", "dev", "--root", repository.toString()));
            Set<String> classes = new LinkedHashSet<>();
            for (int i = 0; i < runs.size(); i++) {
                Path list = work.resolve("run-" + i + ".classlist");
                List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:DumpLoadedClassList=" + list,
                        "-jar", jar.toString()));
                command.addAll(runs.get(i));
                run(command, work.resolve("run-" + i + ".log"), i == runs.size() - 1 ? online : Map.of());
                classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
            }
            Path classList = target.resolve("ccc.classlist");
            Files.write(classList, classes, StandardCharsets.UTF_8);

            Path archive = target.resolve("ccc.jsa");
            Path partial = target.resolve("ccc.jsa.partial");
            Files.deleteIfExists(target.resolve("ccc.jsa.id"));
            int exit = run(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + partial, "-cp", jar.toString()), work.resolve("dump.log"), Map.of());
            if (exit != 0 || !Files.isRegularFile(partial)) {
                throw new IllegalStateException("the class-data sharing archive could not be dumped (exit " + exit
                        + "):\n" + Files.readString(work.resolve("dump.log"), StandardCharsets.UTF_8));
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            Path home = java.getParent().getParent();
            Files.writeString(target.resolve("ccc.jsa.id"), home + "|" + runtimeVersion(home) + "|" + jar + "\n",
                    StandardCharsets.UTF_8);
        } finally {
            standIn.stop(0);
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** As the launcher reads it: JAVA_RUNTIME_VERSION of the JDK's release file, else JAVA_VERSION. */
    static String runtimeVersion(Path home) throws IOException {
        String runtime = null;
        String version = null;
        for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                runtime = unquoted(line);
            } else if (line.startsWith("JAVA_VERSION=")) {
                version = unquoted(line);
            }
        }
        return runtime != null && !runtime.isEmpty() ? runtime : version;
    }

    private static String unquoted(String line) {
        String value = line.substring(line.indexOf('=') + 1);
        if (value.startsWith("\"")) {
            value = value.substring(1);
        }
        return value.endsWith("\"") ? value.substring(0, value.length() - 1) : value;
    }

    private static int run(List<String> command, Path log, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not finish: " + command);
        }
        return process.exitValue();
    }

    /** One connector with a Vault secret and a service account named by its display name. */
    private static Path trainingRepository(Path root) throws IOException {
        Files.createDirectories(root.resolve("training"));
        Files.writeString(root.resolve("ccc.yaml"), """
                managed:
                  name_prefix: train-
                environments:
                  dev:
                    environment_id: env-train1
                    kafka_cluster_id: lkc-train1
                    vault:
                      auth: token
                """);
        Files.writeString(root.resolve("training/dev-training.json"), """
                {"name": "train-datagen-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "${topic}", "quickstart": "ORDERS", "tasks.max": "1"},
                 "config_sensitive": {"kafka.api.secret": "${vault:secret/training#secret}"}}
                """);
        Files.writeString(root.resolve("training/dev-vars.yaml"), "service_account: SA_TRAINING\ntopic: orders\n");
        return root;
    }

    /** Answers what a plan asks of Confluent Cloud, IAM and Vault, with an empty cluster. */
    private static HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/v1/")) {
                answer(exchange, 200, "{\"data\":{\"data\":{\"secret\":\"training-secret-value\"},"
                        + "\"metadata\":{\"version\":1}}}");
            } else if (path.startsWith("/iam/v2/service-accounts")) {
                answer(exchange, 200, "{\"data\":[{\"id\":\"sa-train1\",\"display_name\":\"SA_TRAINING\"}],"
                        + "\"metadata\":{\"next\":null}}");
            } else if (path.endsWith("/config/validate")) {
                answer(exchange, 200, "{\"name\":\"DatagenSource\",\"error_count\":0,\"groups\":[],\"configs\":[]}");
            } else if (path.endsWith("/connectors")) {
                answer(exchange, 200, "{}");
            } else {
                answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}");
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
