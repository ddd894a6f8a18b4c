package ccc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One ccc process, timed from start to exit, with the moment its last byte of output arrived. */
final class Child {

    /**
     * @param wallMillis start to exit
     * @param afterLastLineMillis from the last byte written (stdout or stderr) to the exit
     * @param maxRssKb peak resident memory, when measured, else -1
     */
    record Result(int exitCode, double wallMillis, double afterLastLineMillis, String out, String err, long maxRssKb) {

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private Child() {
    }

    static boolean canMeasureMemory() {
        return Files.isExecutable(TIME);
    }

    static Result run(List<String> command, Map<String, String> env, Path directory) throws Exception {
        return run(command, env, directory, false);
    }

    /** @param memory measure the peak resident set size with /usr/bin/time (GNU time's %M) */
    static Result run(List<String> command, Map<String, String> env, Path directory, boolean memory)
            throws Exception {
        List<String> full = new ArrayList<>();
        Path rss = null;
        if (memory) {
            rss = Files.createTempFile("ccc-bench-rss", ".txt");
            full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile());
        builder.environment().putAll(env);
        AtomicLong lastOutput = new AtomicLong(System.nanoTime());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = pump(process.getInputStream(), out, lastOutput);
        Thread errReader = pump(process.getErrorStream(), err, lastOutput);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not finish in 10 minutes: " + command);
        }
        long exit = System.nanoTime();
        outReader.join();
        errReader.join();
        long maxRss = -1;
        if (rss != null) {
            List<String> lines = Files.readAllLines(rss);
            maxRss = Long.parseLong(lines.get(lines.size() - 1).strip());
            Files.delete(rss);
        }
        return new Result(process.exitValue(), (exit - start) / 1e6, (exit - lastOutput.get()) / 1e6,
                out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), maxRss);
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to, AtomicLong lastOutput) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    lastOutput.set(System.nanoTime());
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "bench-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
