package ccc.sandbox;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.config.EnvironmentConfig;
import ccc.config.Problem;
import ccc.config.TargetKind;
import ccc.config.Workspace;
import ccc.config.WorkspaceLoader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ccc sandbox} runs, read from the config repository: the {@code local} environment's
 * ports, the topics its connectors use, where the sandbox keeps its files ({@code .ccc/sandbox/} in
 * the config root's parent) and where the Kafka runtime was built.
 *
 * @param connectUrl the {@code local} environment's {@code connect_url}
 * @param home {@code .ccc/sandbox/} in the config root's parent
 * @param workDir the config root's parent: the worker's working directory, against which the
 *     example's relative file paths resolve
 * @param lib the Kafka runtime (target/sandbox/lib)
 */
public record SandboxSettings(String connectUrl, int connectPort, int kafkaPort, List<String> topics,
                              Path home, Path workDir, Path lib) {

    /** The environment that the sandbox serves. */
    public static final String ENVIRONMENT = "local";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    /** Points at the Kafka runtime when it is not beside ccc's jar. */
    public static final String LIB_VARIABLE = "CCC_SANDBOX_LIB";

    private static final String CONNECT_URL_KEY = "environments." + ENVIRONMENT + ".connect_url";
    private static final String KAFKA_PORT_KEY = "environments." + ENVIRONMENT + ".sandbox.kafka_port";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Connector keys that name topics: the sandbox creates them before it says it is ready. */
    private static final List<String> TOPIC_KEYS = List.of("topic", "kafka.topic", "topics",
            "errors.deadletterqueue.topic.name");

    public SandboxSettings {
        topics = List.copyOf(topics);
    }

    /** Reads the config root; {@code env} may name the runtime's directory ({@link #LIB_VARIABLE}). */
    public static SandboxSettings load(Path root, Map<String, String> env) {
        Workspace workspace = WorkspaceLoader.load(root, ENVIRONMENT);
        if (workspace.config() == null) {
            throw new CccException("ccc sandbox reads the 'local' environment of ccc.yaml, which is unusable: "
                    + workspace.errors().stream().map(Problem::sentence).findFirst().orElse("unknown problem"));
        }
        EnvironmentConfig local = workspace.environment(ENVIRONMENT).orElseThrow(() -> new CccException(
                "ccc.yaml has no '" + ENVIRONMENT + "' environment, which 'ccc sandbox' starts a worker for. Add:\n"
                        + "  " + ENVIRONMENT + ":\n    target: kafka-connect\n    connect_url: http://localhost:8083"));
        if (local.kind() != TargetKind.KAFKA_CONNECT) {
            throw new CccException("the '" + ENVIRONMENT + "' environment of ccc.yaml is not 'target: kafka-connect'; "
                    + "'ccc sandbox' starts a Kafka Connect worker for it at its connect_url.");
        }
        int connectPort = loopbackPort(local.connectUrl());
        int kafkaPort = local.sandboxKafkaPort() == null ? DEFAULT_KAFKA_PORT : local.sandboxKafkaPort();
        if (kafkaPort == connectPort) {
            throw new CccException("the sandbox's broker and worker would share port " + kafkaPort + ": change "
                    + KAFKA_PORT_KEY + " or " + CONNECT_URL_KEY + " in ccc.yaml.");
        }
        Path workDir = root.toAbsolutePath().normalize().getParent();
        if (workDir == null) {
            throw new CccException("the config root " + root.toAbsolutePath() + " has no parent directory to keep "
                    + ".ccc/sandbox in.");
        }
        String libSetting = env.get(LIB_VARIABLE);
        Path lib = libSetting == null || libSetting.isBlank() ? besideCcc() : Path.of(libSetting);
        return new SandboxSettings(local.connectUrl(), connectPort, kafkaPort,
                topics(workspace.connectors(ENVIRONMENT)), workDir.resolve(".ccc").resolve("sandbox"), workDir,
                lib.toAbsolutePath().normalize());
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The ccc.yaml key that sets {@code port}, for "port taken" messages. */
    String keyOf(int port) {
        return port == connectPort ? CONNECT_URL_KEY + " (" + connectUrl + ")"
                : KAFKA_PORT_KEY + (port == DEFAULT_KAFKA_PORT ? " (default " + DEFAULT_KAFKA_PORT + ")" : "");
    }

    private static int loopbackPort(String connectUrl) {
        URI uri;
        try {
            uri = new URI(connectUrl);
        } catch (URISyntaxException e) {
            throw new CccException(CONNECT_URL_KEY + " '" + connectUrl + "' is not a URL.");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
            throw new CccException("ccc sandbox runs the worker on this machine, so " + CONNECT_URL_KEY + " must be "
                    + "http://localhost:PORT; it is " + connectUrl + ".");
        }
        if (uri.getPort() < 1) {
            throw new CccException(CONNECT_URL_KEY + " '" + connectUrl + "' names no port; write it as "
                    + "http://localhost:8083.");
        }
        return uri.getPort();
    }

    /** target/sandbox/lib beside target/ccc.jar, or beside target/classes when run from the build. */
    private static Path besideCcc() {
        try {
            Path code = Path.of(SandboxSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().resolve("sandbox").resolve("lib");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "sandbox", "lib");
        }
    }

    private static List<String> topics(List<DesiredConnector> connectors) {
        Set<String> topics = new LinkedHashSet<>();
        for (DesiredConnector connector : connectors) {
            for (String key : TOPIC_KEYS) {
                String value = connector.config().get(key);
                if (value == null) {
                    continue;
                }
                for (String topic : value.split(",")) {
                    if (topic.trim().matches("[a-zA-Z0-9._-]{1,249}")) {
                        topics.add(topic.trim());
                    }
                }
            }
        }
        return new ArrayList<>(topics);
    }
}
