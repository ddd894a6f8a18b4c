package ccc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: {@code ccc sandbox up} starts a Kafka broker and a Connect
 * worker in a child JVM (from target/sandbox/lib, which the build writes before the tests), the
 * bundled example is applied to it, records flow from the source file to the sink file, an update
 * in place re-delivers nothing, and {@code ccc sandbox down} leaves no process and no open port.
 */
class SandboxSmokeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static Path root;

    @Test
    void upApplyRecordsFlowUpdateInPlaceDown() throws IOException {
        long begin = System.nanoTime();
        int connectPort = Repo.freePort();
        int kafkaPort = Repo.freePort();
        root = Repo.sandboxExample(dir, connectPort, kafkaPort);
        Path home = dir.resolve(".ccc/sandbox");

        Cli.Result up = ccc("sandbox", "up");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.out().contains("Sandbox ready in"), up.toString());
        assertTrue(up.out().contains("http://localhost:" + connectPort), up.toString());
        assertTrue(up.out().contains("azc-peve-connect-test, azc-peve-connect-test-dlq"), "the example's topics");
        long pid = recordedPid(home);
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the sandbox runs");
        // Closing the terminal that ran 'up' (SIGHUP) does not stop it.
        if (!System.getProperty("os.name").startsWith("Windows")) {
            try {
                assertEquals(0, new ProcessBuilder("kill", "-HUP", String.valueOf(pid)).start().waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        Cli.Result again = ccc("sandbox", "up");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("already running") && again.out().contains("pid " + pid), again.toString());

        Cli.Result apply = ccc("apply", "--env", "local", "--auto-approve", "--poll-interval", "100ms",
                "--timeout", "60s");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("2 succeeded"), apply.toString());
        Path input = home.resolve("orders.txt");
        Path output = home.resolve("azure-blob-sink.txt");
        append(input, "order-1\norder-2\n");
        awaitLines(output, List.of("order-1", "order-2"));

        // An update in place restarts both connectors from their committed offsets: nothing again.
        edit(root.resolve("ccloud-datagen-source-connector-01/local-ccloud-datagen-source-connector-01.json"),
                "\"tasks.max\": \"1\",", "\"tasks.max\": \"1\",\n    \"batch.size\": \"100\",");
        edit(root.resolve("ccloud-azure-blob-storage-sink-connector-01/"
                + "local-ccloud-azure-blob-storage-sink-connector-01.json"),
                "\"tasks.max\": \"1\",", "\"tasks.max\": \"1\",\n    \"errors.log.enable\": \"true\",");
        Cli.Result update = ccc("apply", "--env", "local", "--auto-approve", "--poll-interval", "100ms",
                "--timeout", "60s");
        assertEquals(0, update.exitCode(), update.toString());
        assertTrue(update.out().contains("0 to create, 2 to update"), update.toString());
        assertEquals(0, ccc("plan", "--env", "local", "--detailed-exitcode").exitCode(), "converged");
        append(input, "order-3\n");
        awaitLines(output, List.of("order-1", "order-2", "order-3"));

        Cli.Result status = ccc("sandbox", "status");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("answering, 2 connectors"), status.toString());

        Cli.Result down = ccc("sandbox", "down");
        assertEquals(0, down.exitCode(), down.toString());
        assertTrue(down.out().contains("Stopped the sandbox (pid " + pid + ")"), down.toString());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no process left");
        assertFree(connectPort);
        assertFree(kafkaPort);
        assertFalse(Files.exists(home.resolve("sandbox.pid")));
        Cli.Result after = ccc("sandbox", "status");
        assertEquals(1, after.exitCode(), after.toString());
        System.out.printf("SandboxSmokeTest: up, apply, records, update, down in %.1f s%n",
                (System.nanoTime() - begin) / 1e9);
    }

    /** Whatever happened above, nothing keeps running. */
    @AfterAll
    static void leaveNothingRunning() {
        if (root != null && Files.exists(dir.resolve(".ccc/sandbox/sandbox.pid"))) {
            ccc("sandbox", "down");
        }
    }

    private static Cli.Result ccc(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--root", root.toString())).toArray(String[]::new);
        return Cli.run(Map.of(), "", all);
    }

    private static long recordedPid(Path home) throws IOException {
        return Files.readAllLines(home.resolve("sandbox.pid")).stream().filter(l -> l.startsWith("pid="))
                .map(l -> Long.parseLong(l.substring(4))).findFirst().orElseThrow();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Waits until the file's last line is the last expected one, then wants exactly the expected lines. */
    private static void awaitLines(Path file, List<String> expected) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<String> lines = readLines(file);
        while (lines.isEmpty() || !lines.get(lines.size() - 1).equals(expected.get(expected.size() - 1))) {
            if (System.nanoTime() > deadline) {
                fail("waited " + DEADLINE.toSeconds() + " s for " + expected + " in " + file + "; it has " + lines);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            lines = readLines(file);
        }
        assertEquals(expected, lines, "every record once, none re-delivered");
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            fail("port " + port + " is still open after 'sandbox down': " + e);
        }
    }
}
