package ccc.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.sandbox.runtime.SandboxRuntime;
import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input for ccc sandbox: each a clear message, no stack trace, nothing left running. */
class SandboxTest {

    @TempDir
    Path dir;
    private Path root;
    private Path home;
    private Path pidFile;
    private int connectPort;
    private int kafkaPort;

    @BeforeEach
    void repository() {
        connectPort = Repo.freePort();
        kafkaPort = Repo.freePort();
        root = Repo.sandboxExample(dir, connectPort, kafkaPort);
        home = dir.resolve(".ccc/sandbox");
        pidFile = home.resolve("sandbox.pid");
    }

    @Test
    void theRuntimeClassIsTheOneStarted() {
        assertEquals(SandboxRuntime.class.getName(), Sandbox.RUNTIME_MAIN);
    }

    @Test
    void aTakenPortIsNamedWithItsCccYamlKey() throws IOException {
        try (ServerSocket taken = listen(connectPort)) {
            Cli.Result up = failed(ccc(Map.of(), "sandbox", "up"));
            assertTrue(up.err().contains("port " + connectPort + " on 127.0.0.1 is taken"), up.toString());
            assertTrue(up.err().contains("environments.local.connect_url (http://localhost:" + connectPort + ")"),
                    up.toString());
        }
        try (ServerSocket taken = listen(kafkaPort)) {
            Cli.Result up = failed(ccc(Map.of(), "sandbox", "up"));
            assertTrue(up.err().contains("port " + kafkaPort + " on 127.0.0.1 is taken"), up.toString());
            assertTrue(up.err().contains("environments.local.sandbox.kafka_port"), up.toString());
        }
        assertFalse(Files.exists(pidFile), "nothing started");
    }

    @Test
    void aStalePidFileIsRemovedAndNothingIsStopped() throws Exception {
        Process exited = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        exited.waitFor();
        writePidFile(exited.pid(), null);
        Cli.Result status = ccc(Map.of(), "sandbox", "status");
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.err().contains("removed a stale pid file: pid " + exited.pid()), status.toString());
        assertTrue(status.out().contains("No sandbox is running"), status.toString());
        assertFalse(Files.exists(pidFile));

        // A pid that now belongs to another process (here: this JVM, started at another time) is
        // not the sandbox: down leaves that process alone.
        long self = ProcessHandle.current().pid();
        writePidFile(self, Instant.parse("2000-01-01T00:00:00Z"));
        Cli.Result down = ccc(Map.of(), "sandbox", "down");
        assertEquals(0, down.exitCode(), down.toString());
        assertTrue(down.err().contains("removed a stale pid file: pid " + self), down.toString());
        assertTrue(down.out().contains("No sandbox is running."), down.toString());

        Files.writeString(pidFile, "not a pid file");
        Cli.Result garbled = ccc(Map.of(), "sandbox", "down");
        assertEquals(0, garbled.exitCode(), garbled.toString());
        assertTrue(garbled.err().contains("removed an unreadable pid file"), garbled.toString());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void downAndStatusWhenNothingRuns() {
        Cli.Result down = ccc(Map.of(), "sandbox", "down");
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals("No sandbox is running.\n", down.out());
        Cli.Result status = ccc(Map.of(), "sandbox", "status", "--output", "json");
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.out().contains("\"running\" : false"), status.toString());
    }

    @Test
    void aMissingRuntimeSaysHowToBuildIt() {
        Cli.Result up = failed(ccc(Map.of(SandboxSettings.LIB_VARIABLE, dir.resolve("nowhere").toString()),
                "sandbox", "up"));
        assertTrue(up.err().contains("the sandbox's Kafka runtime is not built"), up.toString());
        assertTrue(up.err().contains("'./mvnw -q -DskipTests package'"), up.toString());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void aFullDiskIsRefusedBeforeAnythingStarts() {
        Sandbox sandbox = new Sandbox(SandboxSettings.load(root, Map.of()), Long.MAX_VALUE);
        CccException e = assertThrows(CccException.class, () -> sandbox.up(Duration.ofSeconds(5), (p, t) -> { }));
        assertTrue(e.getMessage().startsWith("the disk holding " + home + " has "), e.getMessage());
        assertTrue(e.getMessage().contains("MB free; the sandbox needs at least"), e.getMessage());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void anUnwritableDataDirectory() throws IOException {
        Files.writeString(dir.resolve(".ccc"), "a file where the directory should be");
        Cli.Result up = failed(ccc(Map.of(), "sandbox", "up"));
        assertTrue(up.err().contains("cannot write the sandbox's directory " + home), up.toString());
    }

    @Test
    void aChildThatDiesWhileStartingLeavesNothingBehind() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken-lib"));
        for (String jar : new String[] {"ccc-sandbox-runtime.jar", "connect-runtime-4.3.1.jar", "kafka_2.13-4.3.1.jar"}) {
            Files.writeString(broken.resolve(jar), "not a jar");
        }
        Cli.Result up = failed(ccc(Map.of(SandboxSettings.LIB_VARIABLE, broken.toString()), "sandbox", "up"));
        assertTrue(up.err().contains("the sandbox stopped while starting: it exited"), up.toString());
        assertTrue(up.err().contains(SandboxRuntime.class.getName()), "the JVM's own words: " + up);
        assertTrue(up.err().contains("Its log: " + home.resolve("sandbox.log")), up.toString());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void aSecondUpWhileTheFirstStartsIsRefused() throws IOException {
        Files.createDirectories(home);
        try (FileChannel channel = FileChannel.open(home.resolve("up.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertTrue(held.isValid());
            Cli.Result up = failed(ccc(Map.of(), "sandbox", "up"));
            assertTrue(up.err().contains("another 'ccc sandbox up' is starting this sandbox"), up.toString());
        }
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void notReadyInTimeIsStoppedAndForgotten() throws IOException {
        Cli.Result up = failed(ccc(Map.of(), "sandbox", "up", "--timeout", "1s"));
        assertTrue(up.err().contains("the sandbox was not ready after 1 s"), up.toString());
        assertTrue(up.err().contains("it was stopped"), up.toString());
        assertFalse(Files.exists(pidFile));
        listen(connectPort).close(); // both ports free again
        listen(kafkaPort).close();
    }

    @Test
    void theLocalEnvironmentMustBeALoopbackKafkaConnectWorker() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        assertTrue(failed(ccc(Map.of(), "sandbox", "up")).err().contains("ccc.yaml has no 'local' environment"));
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + """
                  local:
                    target: kafka-connect
                    connect_url: http://connect.example.internal:8083
                """);
        assertTrue(failed(ccc(Map.of(), "sandbox", "status")).err()
                .contains("environments.local.connect_url must be http://localhost:PORT"));
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + """
                  local:
                    target: kafka-connect
                    connect_url: http://localhost:9092
                """);
        assertTrue(failed(ccc(Map.of(), "sandbox", "up")).err().contains("would share port 9092"));
    }

    // ---------------------------------------------------------------- helpers

    private Cli.Result ccc(Map<String, String> env, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--root", root.toString())).toArray(String[]::new);
        return Cli.run(env, "", all);
    }

    /** Exit 1, an error, no stack trace. */
    private static Cli.Result failed(Cli.Result result) {
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("error: "), result.toString());
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception in thread"), result.toString());
        return result;
    }

    private void writePidFile(long pid, Instant started) throws IOException {
        Files.createDirectories(home);
        new PidFile(pid, started, "http://localhost:" + connectPort, kafkaPort).write(pidFile);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
