package ccc.sandbox.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The process that {@code ccc sandbox up} starts: a single-node KRaft Kafka broker (broker and
 * controller in one) and a distributed Kafka Connect worker, both bound to 127.0.0.1, in this one
 * JVM. It depends only on Kafka and the JDK, and runs from {@code target/sandbox/lib}.
 *
 * <p>Arguments are {@code key=value} pairs: {@code kafka.port}, {@code connect.port}, {@code
 * data.dir} (the broker's data), {@code state.file}, {@code topics} (comma-separated, created
 * before the worker starts) and {@code roles} ({@code broker,worker}, the default; one of them
 * alone runs half the sandbox, which the benchmark uses to compare one JVM with two). The state file
 * says how far the start got: a phase word, then {@code ready}, or {@code failed: reason}. A stop
 * (SIGTERM) stops the worker, then the broker.
 */
public final class SandboxRuntime {

    private static final String CONTROLLER = "CONTROLLER";
    private static final String GROUP = "ccc-sandbox";

    private final Map<String, String> args;
    private final Path stateFile;
    private volatile Connect<DistributedHerder> connect;
    private volatile KafkaRaftServer broker;

    private SandboxRuntime(Map<String, String> args) {
        this.args = args;
        this.stateFile = Path.of(required("state.file"));
    }

    public static void main(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        SandboxRuntime runtime = new SandboxRuntime(args);
        ignoreHangup();
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "ccc-sandbox-stop"));
        try {
            runtime.start();
        } catch (Throwable e) {
            e.printStackTrace();
            runtime.state("failed: " + reason(e));
            runtime.stop();
            System.exit(2);
        }
    }

    private void start() throws Exception {
        List<String> roles = Arrays.asList(args.getOrDefault("roles", "broker,worker").split(","));
        String bootstrap = "127.0.0.1:" + required("kafka.port");
        if (roles.contains("broker")) {
            Path data = Path.of(required("data.dir"));
            state("formatting");
            Map<String, String> config = brokerConfig(data, freePort());
            format(config, data);
            state("starting broker");
            broker = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            broker.startup();
        }
        state("creating topics");
        createTopics(bootstrap);
        if (roles.contains("worker")) {
            state("starting worker");
            connect = new ConnectDistributed().startConnect(workerConfig(bootstrap));
        }
        state("ready");
    }

    private Map<String, String> brokerConfig(Path data, int controllerPort) {
        String kafkaPort = required("kafka.port");
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("controller.listener.names", CONTROLLER);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", data.toString());
        // One node: every internal topic has one replica and, to start fast, one partition.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "true");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        config.put("log.retention.hours", "168");
        return config;
    }

    /** Formats the data directory the first time, as {@code kafka-storage.sh format} does. */
    private static void format(Map<String, String> config, Path data) throws Exception {
        if (Files.isRegularFile(data.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(data);
        KafkaConfig kafkaConfig = new KafkaConfig(config);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(kafkaConfig.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .addDirectory(data.toString())
                .run();
    }

    private void createTopics(String bootstrap) throws Exception {
        String list = args.getOrDefault("topics", "");
        List<NewTopic> topics = Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> new NewTopic(t, 1, (short) 1)).toList();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            // Waits for the broker to answer, and creates the example's topics.
            client.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
            for (NewTopic topic : topics) {
                try {
                    client.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private Map<String, String> workerConfig(String bootstrap) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", GROUP);
        config.put("listeners", "http://127.0.0.1:" + required("connect.port"));
        config.put("rest.advertised.host.name", "127.0.0.1");
        config.put("config.storage.topic", GROUP + "-configs");
        config.put("offset.storage.topic", GROUP + "-offsets");
        config.put("status.storage.topic", GROUP + "-status");
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.put("offset.storage.partitions", "1");
        config.put("status.storage.partitions", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        // The plugins on the class path declare themselves (KIP-898): no scan of every jar.
        config.put("plugin.discovery", "service_load");
        // A line appended to a source file shows in a sink file within about a second.
        config.put("offset.flush.interval.ms", "1000");
        config.put("scheduled.rebalance.max.delay.ms", "0");
        return config;
    }

    /** Stops the worker, then the broker; called once by the shutdown hook (or after a failed start). */
    private synchronized void stop() {
        Connect<DistributedHerder> worker = connect;
        connect = null;
        if (worker != null) {
            worker.stop();
            try {
                worker.herderTask().get(30, TimeUnit.SECONDS); // the herder has stopped, not only been told to
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // stopping anyway
            }
        }
        KafkaRaftServer server = broker;
        broker = null;
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private void state(String state) {
        try {
            Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(temp, state + "\n", StandardCharsets.UTF_8);
            Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("ccc sandbox: cannot write " + stateFile + ": " + e);
        }
    }

    private String required(String key) {
        String value = args.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }

    /**
     * The sandbox outlives the terminal that started it, as with nohup: SIGHUP (the terminal
     * closed) is ignored; SIGTERM ('ccc sandbox down') and SIGINT (Ctrl-C while 'up' waits) still
     * stop it. sun.misc.Signal is reached by reflection, so that the compiler has nothing to warn of;
     * where it is missing (or there is no SIGHUP, as on Windows) nothing changes.
     */
    private static void ignoreHangup() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            signal.getMethod("handle", signal, handler).invoke(null,
                    signal.getConstructor(String.class).newInstance("HUP"), handler.getField("SIG_IGN").get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("ccc sandbox: SIGHUP not ignored (" + e + "); closing the terminal may stop it");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The innermost cause's message, on one line: what the supervisor prints. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.replace('\n', ' ');
    }
}
