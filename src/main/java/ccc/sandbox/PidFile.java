package ccc.sandbox;

import ccc.config.SourceDocument;
import ccc.CccException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code .ccc/sandbox/sandbox.pid}: the process that {@code ccc sandbox up} started, recorded with
 * its start time so that a recycled pid is never taken for it. {@code down} stops exactly this
 * process, never one found by name.
 *
 * @param started the process's start time as the operating system reports it, or null where it
 *     reports none
 */
record PidFile(long pid, Instant started, String connectUrl, int kafkaPort) {

    /** The recorded process, if it still runs (the same pid and the same start time). */
    Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> started == null
                || handle.info().startInstant().map(started::equals).orElse(true));
    }

    static PidFile of(ProcessHandle process, SandboxSettings settings) {
        return new PidFile(process.pid(), process.info().startInstant().orElse(null), settings.connectUrl(),
                settings.kafkaPort());
    }

    void write(Path file) {
        String text = "# 'ccc sandbox up' started this process; 'ccc sandbox down' stops it.\n"
                + "pid=" + pid + "\n"
                + (started == null ? "" : "started=" + started + "\n")
                + "connect_url=" + connectUrl + "\n"
                + "kafka_port=" + kafkaPort + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CccException("cannot write the sandbox's pid file " + file + ": " + SourceDocument.reason(e), e);
        }
    }

    /** The recorded sandbox, or empty when there is no pid file; an unreadable one counts as none. */
    static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            Properties values = new Properties();
            values.load(reader);
            String started = values.getProperty("started");
            return Optional.of(new PidFile(Long.parseLong(values.getProperty("pid", "").trim()),
                    started == null ? null : Instant.parse(started.trim()),
                    values.getProperty("connect_url", ""),
                    Integer.parseInt(values.getProperty("kafka_port", "0").trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new PidFile(-1, null, "", 0)); // unreadable: stale, removed by the caller
        }
    }
}
