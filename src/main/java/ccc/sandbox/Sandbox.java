package ccc.sandbox;

import ccc.CccException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts, stops and reports the local sandbox: one child JVM running {@code
 * ccc.sandbox.runtime.SandboxRuntime} (a KRaft broker and a Kafka Connect worker) from the Kafka
 * runtime in {@link SandboxSettings#lib()}, with its pid, state and log under {@link
 * SandboxSettings#home()}. Failures are {@link CccException}s with one clear sentence; a failed
 * {@link #up} leaves nothing running.
 */
public final class Sandbox {

    /** What {@link #up} reports while it waits: the child's phase and the time so far. */
    @FunctionalInterface
    public interface Progress {
        void waiting(String phase, Duration elapsed);
    }

    /**
     * {@code wasRunning}: up found it running (and ready) already; {@code note}: a stale pid file it
     * removed, or settings changed since the running sandbox started; null when nothing to say.
     */
    public record Started(long pid, boolean wasRunning, Duration took, String note) {
    }

    /**
     * {@code pid} 0: nothing was running; {@code forced}: it ignored the stop and was killed;
     * {@code note}: a stale pid file it removed, or null.
     */
    public record Stopped(long pid, Duration took, boolean forced, String note) {
    }

    /**
     * {@code pid} 0: not running. {@code phase}: the child's own word ({@code ready}, or how far its
     * start got). {@code connectors}: how many the worker holds, -1 when it does not answer.
     * {@code note}: a stale pid file it removed, or null.
     */
    public record Status(long pid, Instant since, String phase, String connectUrl, int connectors,
                         int kafkaPort, boolean brokerListening, String note) {

        public boolean running() {
            return pid > 0;
        }

        public boolean healthy() {
            return running() && connectors >= 0 && brokerListening;
        }
    }

    static final String RUNTIME_MAIN = "ccc.sandbox.runtime.SandboxRuntime";
    static final String RUNTIME_JAR_MARK = "sandbox-runtime";
    public static final String BUILD_COMMAND = "./mvnw -q -DskipTests package";
    /** Heap and JIT for a sandbox: C1 only and the serial collector start fastest and use least memory. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");
    private static final String READY = "ready";
    private static final String FAILED = "failed:";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_FORCED = Duration.ofSeconds(10);

    private final SandboxSettings settings;
    private final Path pidFile;
    private final Path stateFile;
    private final Path log;
    private final Path data;
    private final Path lockFile;
    /** A stale pid file this run removed, said once the sandbox is up. */
    private String staleNote;
    /** Less free space than this on the sandbox's disk is refused before anything starts. */
    private final long minFreeBytes;

    public Sandbox(SandboxSettings settings) {
        this(settings, 200L * 1024 * 1024);
    }

    Sandbox(SandboxSettings settings, long minFreeBytes) {
        this.settings = settings;
        this.pidFile = settings.home().resolve("sandbox.pid");
        this.stateFile = settings.home().resolve("state");
        this.log = settings.home().resolve("sandbox.log");
        this.data = settings.home().resolve("kafka");
        this.lockFile = settings.home().resolve("up.lock");
        this.minFreeBytes = minFreeBytes;
    }

    public SandboxSettings settings() {
        return settings;
    }

    public Path log() {
        return log;
    }

    public Path data() {
        return data;
    }

    /**
     * Starts the sandbox and waits until the worker answers and the topics exist; idempotent. Two
     * runs at once for one repository: the second waits for the first's sandbox, or is refused.
     */
    public Started up(Duration timeout, Progress progress) {
        Instant start = Instant.now();
        Optional<Started> running = alreadyRunning(start, timeout, progress);
        if (running.isPresent()) {
            return running.get();
        }
        requireRuntime();
        prepareHome();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lock(channel); // released when the channel closes
            running = alreadyRunning(start, timeout, progress); // started meanwhile by another 'up'
            if (running.isPresent()) {
                return running.get();
            }
            return start(start, timeout, progress);
        } catch (IOException e) {
            throw new CccException("cannot lock " + lockFile + " (" + describe(e) + ").");
        }
    }

    /** The recorded sandbox, once ready, if it runs; a stale pid file is removed (and noted). */
    private Optional<Started> alreadyRunning(Instant start, Duration timeout, Progress progress) {
        Optional<PidFile> recorded = PidFile.read(pidFile);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> live = recorded.get().live();
        if (live.isEmpty()) {
            staleNote = forgetStale(recorded.get());
            return Optional.empty();
        }
        PidFile running = recorded.get();
        awaitReady(live.get(), running.connectUrl(), start, timeout, progress, false);
        String changed = running.connectUrl().equals(settings.connectUrl()) && running.kafkaPort() == settings.kafkaPort()
                ? null : "it runs with the ports it was started with (" + running.connectUrl() + ", broker port "
                        + running.kafkaPort() + "); 'ccc sandbox down' then 'up' applies ccc.yaml's";
        return Optional.of(new Started(live.get().pid(), true, Duration.between(start, Instant.now()), changed));
    }

    private static void lock(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new CccException("another 'ccc sandbox up' is starting this sandbox right now; wait for it, "
                    + "then run 'ccc sandbox status'.");
        }
    }

    private Started start(Instant start, Duration timeout, Progress progress) {
        requireSpace();
        requireFree(settings.connectPort(), "the Kafka Connect worker");
        requireFree(settings.kafkaPort(), "the Kafka broker");
        rotateLog();

        Process child = spawn();
        Thread abort = new Thread(() -> abandon(child), "ccc-sandbox-abort");
        Runtime.getRuntime().addShutdownHook(abort); // Ctrl-C while waiting stops the half-started sandbox
        boolean ready = false;
        try {
            PidFile.of(child.toHandle(), settings).write(pidFile);
            awaitReady(child.toHandle(), settings.connectUrl(), start, timeout, progress, true);
            ready = true;
        } finally {
            if (!ready) {
                abandon(child);
            }
            removeHook(abort);
        }
        return new Started(child.pid(), false, Duration.between(start, Instant.now()), staleNote);
    }

    /** Stops exactly the recorded process (SIGTERM, then a kill after {@code grace}); idempotent. */
    public Stopped down(Duration grace) {
        Instant start = Instant.now();
        Optional<PidFile> recorded = PidFile.read(pidFile);
        if (recorded.isEmpty()) {
            return new Stopped(0, Duration.ZERO, false, null);
        }
        Optional<ProcessHandle> live = recorded.get().live();
        if (live.isEmpty()) {
            return new Stopped(0, Duration.ZERO, false, forgetStale(recorded.get()));
        }
        boolean forced = stop(live.get(), grace);
        if (live.get().isAlive()) {
            throw new CccException("the sandbox (pid " + live.get().pid() + ") is still running after a kill; "
                    + "its pid file " + pidFile + " is kept.");
        }
        deleteQuietly(pidFile);
        deleteQuietly(stateFile);
        return new Stopped(live.get().pid(), Duration.between(start, Instant.now()), forced, null);
    }

    public Status status() {
        Optional<PidFile> recorded = PidFile.read(pidFile);
        if (recorded.isEmpty()) {
            return new Status(0, null, null, null, -1, 0, false, null);
        }
        Optional<ProcessHandle> live = recorded.get().live();
        if (live.isEmpty()) {
            return new Status(0, null, null, null, -1, 0, false, forgetStale(recorded.get()));
        }
        JsonNode names = connectors(recorded.get().connectUrl());
        int connectors = names != null && names.isArray() ? names.size() : -1;
        PidFile running = recorded.get();
        return new Status(live.get().pid(), live.get().info().startInstant().orElse(null), readState(),
                running.connectUrl(), connectors, running.kafkaPort(), listening(running.kafkaPort()), null);
    }

    // ---------------------------------------------------------------- starting

    private void requireRuntime() {
        boolean built;
        try (Stream<Path> jars = Files.isDirectory(settings.lib()) ? Files.list(settings.lib()) : Stream.empty()) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            built = names.stream().anyMatch(n -> n.contains(RUNTIME_JAR_MARK) && n.endsWith(".jar"))
                    && names.stream().anyMatch(n -> n.startsWith("connect-runtime-"))
                    && names.stream().anyMatch(n -> n.startsWith("kafka_2.13-"));
        } catch (IOException e) {
            built = false;
        }
        if (!built) {
            throw new CccException("the sandbox's Kafka runtime is not built: " + settings.lib() + " is missing or "
                    + "incomplete. Build it in the ccc source directory with '" + BUILD_COMMAND + "' (it writes "
                    + "target/ccc.jar and target/sandbox/lib), or set " + SandboxSettings.LIB_VARIABLE
                    + " to a copy of target/sandbox/lib.");
        }
    }

    private void prepareHome() {
        Path home = settings.home();
        try {
            Files.createDirectories(home);
            Path probe = Files.createTempFile(home, "write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CccException("cannot write the sandbox's directory " + home + " (" + describe(e) + "). "
                    + "ccc sandbox keeps its data and logs in .ccc/sandbox beside the config root: make it writable.");
        }
    }

    private void requireSpace() {
        Path home = settings.home();
        long free;
        try {
            free = Files.getFileStore(home).getUsableSpace();
        } catch (IOException e) {
            free = Long.MAX_VALUE; // unknown: the broker reports a full disk itself
        }
        if (free < minFreeBytes) {
            throw new CccException("the disk holding " + home + " has " + megabytes(free) + " MB free; the sandbox "
                    + "needs at least " + megabytes(minFreeBytes) + " MB for its broker's data and its log. "
                    + "Free some space and run 'ccc sandbox up' again.");
        }
    }

    private void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new CccException("port " + port + " on 127.0.0.1 is taken, and the sandbox needs it for " + what
                    + ". Stop what listens there, or set " + settings.keyOf(port) + " in ccc.yaml to a free port.");
        }
    }

    private void rotateLog() {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new CccException("cannot write the sandbox's directory " + settings.home() + " (" + describe(e)
                    + ").");
        }
    }

    private Process spawn() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(settings.lib() + File.separator + "*");
        command.add(RUNTIME_MAIN);
        command.add("kafka.port=" + settings.kafkaPort());
        command.add("connect.port=" + settings.connectPort());
        command.add("data.dir=" + data);
        command.add("state.file=" + stateFile);
        command.add("topics=" + String.join(",", settings.topics()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        try {
            Process child = builder.start();
            child.getOutputStream().close();
            return child;
        } catch (IOException e) {
            throw new CccException("cannot start the sandbox's JVM (" + command.get(0) + "): " + describe(e));
        }
    }

    /** {@code started}: this run started the process, and stops it when this throws. */
    private void awaitReady(ProcessHandle process, String connectUrl, Instant start, Duration timeout,
                            Progress progress, boolean started) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (true) {
            String state = readState();
            if (!process.isAlive()) {
                boolean said = state != null && state.startsWith(FAILED);
                throw new CccException("the sandbox stopped while starting: "
                        + (said ? state.substring(FAILED.length()).trim() : "it exited") + ". Its log: " + log
                        + (said ? "" : lastLines()));
            }
            if (READY.equals(state) && connectors(client, connectUrl) != null) {
                return;
            }
            Duration elapsed = Duration.between(start, Instant.now());
            if (elapsed.compareTo(timeout) > 0) {
                throw new CccException("the sandbox was not ready after " + timeout.toSeconds() + " s (last step: "
                        + (state == null ? "starting the JVM" : state) + ")" + (started ? "; it was stopped" : "")
                        + ". Its log: " + log
                        + ". A slow machine may need a longer --timeout.");
            }
            progress.waiting(state == null ? "starting the JVM" : state, elapsed);
            sleep(POLL);
        }
    }

    /** The worker's answer to GET /connectors (a list of names), or null while it gives none. */
    private static JsonNode connectors(HttpClient client, String connectUrl) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode connectors(String connectUrl) {
        return connectors(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), connectUrl);
    }

    // ---------------------------------------------------------------- stopping

    /** SIGTERM, wait up to {@code grace}, then SIGKILL; true when it had to kill. */
    private static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        awaitExit(process, STOP_FORCED);
        return true;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** A start that failed or was interrupted: nothing keeps running, no pid file stays. */
    private void abandon(Process child) {
        stop(child.toHandle(), Duration.ofSeconds(20));
        deleteQuietly(pidFile);
        deleteQuietly(stateFile);
    }

    private String forgetStale(PidFile stale) {
        deleteQuietly(pidFile);
        deleteQuietly(stateFile);
        return stale.pid() > 0 ? "removed a stale pid file: pid " + stale.pid() + " is no longer the sandbox"
                : "removed an unreadable pid file";
    }

    // ---------------------------------------------------------------- helpers

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String readState() {
        try {
            return Files.isRegularFile(stateFile) ? Files.readString(stateFile, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The log's last lines, for a child that died without saying why (killed, a JVM that would not start). */
    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "" : ", which ends with:\n  " + String.join("\n  ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind: the next run treats it as stale
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CccException("interrupted while waiting for the sandbox");
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
