package ccc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.HttpSettings;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.KafkaConnectClient;
import ccc.client.connect.RemoteConnector;
import ccc.client.connect.TaskState;
import ccc.client.connect.ValidationResult;
import ccc.secret.SecretRegistry;
import ccc.testing.Cli;
import ccc.testing.Poll;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ccc against a real Kafka Connect worker: one distributed worker and one KRaft broker started
 * in-process by Kafka's own {@link EmbeddedConnectCluster}, with the FileStream connectors that
 * ship with Apache Kafka. Every asynchronous change is polled with a deadline.
 */
class RealKafkaConnectTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The defaults but for the first backoff, which also paces the client's own waits for STOPPED. */
    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 6,
            Duration.ofMillis(50), Duration.ofSeconds(2));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    /** A sensitive value: a worker returns it in plain text, ccc must never print it. */
    private static final String SECRET = "it-canary-secret-7Hq2Lx";

    private static EmbeddedConnectCluster connect;
    private static String workerUrl;

    @BeforeAll
    static void startWorker() {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load"); // no classpath scan: the worker starts in seconds
        worker.put("offset.flush.interval.ms", "200");   // source offsets and sink files flushed promptly
        connect = new EmbeddedConnectCluster.Builder()
                .name("ccc-it")
                .numWorkers(1)
                .workerProps(worker)
                .build();
        connect.start();
        workerUrl = connect.endpointForResource("").replaceAll("/+$", "");
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.stop();
        }
    }

    // ---------------------------------------------------------------- the client, call by call

    @Test
    void clientDrivesEveryCallAgainstARealWorker(@TempDir Path dir) throws Exception {
        String name = "it-client-source";
        String topic = "it-client-lines";
        connect.kafka().createTopic(topic, 1);
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "alpha\nbeta\ngamma\n", StandardCharsets.UTF_8);
        long inputLength = Files.size(input);
        KafkaConnectClient client = new KafkaConnectClient(workerUrl, HTTP, new SecretRegistry());

        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", SOURCE);
        config.put("tasks.max", "1");
        config.put("topic", topic);
        config.put("file", input.toString());
        config.put("key.converter", STRING_CONVERTER);
        config.put("value.converter", STRING_CONVERTER);

        // The worker validates 'name' too (required, no default), so the config sent carries it.
        Map<String, String> named = new LinkedHashMap<>(config);
        named.put("name", name);
        ValidationResult invalid = client.validate("FileStreamSourceConnector", withoutKey(named, "topic"));
        assertEquals(1, invalid.errorCount(), invalid.toString());
        assertTrue(invalid.errors().containsKey("topic"), invalid.toString());
        ValidationResult valid = client.validate("FileStreamSourceConnector", named);
        assertEquals(0, valid.errorCount(), valid.toString());

        client.create(name, config, List.of());
        awaitState(client, name, "RUNNING", 1);
        assertEquals(3, connect.kafka().consume(3, DEADLINE.toMillis(), topic).count());

        RemoteConnector listed = client.list().get(name);
        assertNotNull(listed, "list() has the connector");
        assertEquals("source", listed.type());
        assertEquals("RUNNING", listed.state(), "list() carries the status (expand=status)");
        assertEquals(input.toString(), listed.config().get("file"), "list() carries the config (expand=info)");
        assertEquals(name, listed.config().get("name"), "the worker adds 'name' to the config it returns");

        ConnectorOffsets committed = await("offsets of " + name + " at the end of the file",
                () -> client.offsets(name), o -> positionOf(o, input) == inputLength);
        assertEquals(1, committed.offsets().size());

        config.put("batch.size", "100");
        client.updateConfig(name, config);
        assertEquals("100", client.list().get(name).config().get("batch.size"));
        awaitState(client, name, "RUNNING", 1);

        client.pause(name);
        awaitState(client, name, "PAUSED", 1);
        client.resume(name);
        awaitState(client, name, "RUNNING", 1);

        client.restart(name, true, false);
        awaitState(client, name, "RUNNING", 1);

        // KIP-875 while PAUSED: the client stops the connector, changes the offsets and pauses it
        // again, so no task moves the offsets before they are read back.
        client.pause(name);
        awaitState(client, name, "PAUSED", 1);
        client.patchOffsets(name, List.of(new ConnectorOffsets.Entry(
                MAPPER.createObjectNode().put("filename", input.toString()),
                MAPPER.createObjectNode().put("position", 0))));
        assertEquals("APPLIED", client.offsetRequestStatus(name).phase());
        awaitConnectorState(client, name, "PAUSED");
        assertEquals(0, positionOf(client.offsets(name), input), "offsets patched to the start of the file");

        client.resetOffsets(name);
        assertEquals("APPLIED", client.offsetRequestStatus(name).phase());
        awaitConnectorState(client, name, "PAUSED");
        assertTrue(client.offsets(name).offsets().isEmpty(), "no offsets after a reset");

        client.resume(name);
        awaitState(client, name, "RUNNING", 1);
        assertEquals(6, connect.kafka().consume(6, DEADLINE.toMillis(), topic).count(),
                "after the reset the file is read again from its start");

        // KIP-875 while RUNNING: stopped for the change and resumed afterwards.
        client.patchOffsets(name, List.of(new ConnectorOffsets.Entry(
                MAPPER.createObjectNode().put("filename", input.toString()),
                MAPPER.createObjectNode().put("position", inputLength))));
        assertEquals("APPLIED", client.offsetRequestStatus(name).phase());
        awaitState(client, name, "RUNNING", 1);

        client.delete(name);
        await(name + " gone from the list", client::list, all -> !all.containsKey(name));
        // The status lives in its own topic and is removed a little after the config: poll for the 404.
        await(name + " without a status", () -> statusOrNull(client, name), status -> status == null);

        // Created with offsets (KIP-980 initial_state STOPPED, then PATCH, then resume): it starts
        // after the first two lines, so only the third reaches its topic.
        String resumed = "it-client-source-from-offsets";
        String resumedTopic = "it-client-resumed";
        connect.kafka().createTopic(resumedTopic, 1);
        config.put("topic", resumedTopic);
        long afterTwoLines = "alpha\nbeta\n".getBytes(StandardCharsets.UTF_8).length;
        client.create(resumed, config, List.of(new ConnectorOffsets.Entry(
                MAPPER.createObjectNode().put("filename", input.toString()),
                MAPPER.createObjectNode().put("position", afterTwoLines))));
        awaitState(client, resumed, "RUNNING", 1);
        await(resumed + " offsets at the end of the file", () -> client.offsets(resumed),
                o -> positionOf(o, input) == inputLength);
        List<String> values = new ArrayList<>();
        connect.kafka().consume(1, DEADLINE.toMillis(), resumedTopic)
                .forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        assertEquals(List.of("gamma"), values);
        client.delete(resumed);
        await(resumed + " gone from the list", client::list, all -> !all.containsKey(resumed));
    }

    // ---------------------------------------------------------------- the CLI, end to end

    @Test
    void planApplyConvergeAndOperateThroughTheCli(@TempDir Path dir) throws Exception {
        String topic = "it-cli-lines";
        connect.kafka().createTopic(topic, 1);
        connect.kafka().createTopic(topic + "-dlq", 1); // the sink's DLQ, from dlq.topic_pattern
        Path root = Files.createDirectories(dir.resolve("connectors")); // the config repository
        Path data = Files.createDirectories(dir.resolve("data"));
        Path input = data.resolve("orders.txt");
        Path output = data.resolve("sink.txt");
        Files.writeString(input, "order-1\norder-2\n", StandardCharsets.UTF_8);

        Repo.write(root, "ccc.yaml", """
                managed:
                  name_prefix: peve-
                dlq:
                  topic_pattern: "{topic}-dlq"
                environments:
                  local:
                    target: kafka-connect
                    connect_url: %s
                """.formatted(workerUrl));
        Repo.connector(root, "local", "file-source-01", """
                {
                  "name": "peve-file-source-01",
                  "config_nonsensitive": {
                    "connector.class": "%s",
                    "topic": "${topic}",
                    "file": "${file}",
                    "batch.size": "${batch_size}",
                    "tasks.max": "1",
                    "key.converter": "%s",
                    "value.converter": "%s"
                  }
                }
                """.formatted(SOURCE, STRING_CONVERTER, STRING_CONVERTER),
                vars(topic, input, "batch_size: 100"));
        Repo.connector(root, "local", "file-sink-01", """
                {
                  "name": "peve-file-sink-01",
                  "config_nonsensitive": {
                    "connector.class": "%s",
                    "topics": "${topic}",
                    "file": "${file}",
                    "tasks.max": "1",
                    "key.converter": "%s",
                    "value.converter": "%s",
                    "errors.deadletterqueue.topic.replication.factor": "1"
                  },
                  "config_sensitive": {
                    "ccc.it.secret": "${secret}"
                  }
                }
                """.formatted(SINK, STRING_CONVERTER, STRING_CONVERTER), vars(topic, output, "secret: " + SECRET));
        KafkaConnectClient worker = new KafkaConnectClient(workerUrl, HTTP, new SecretRegistry());

        Cli.Result plan = ccc(root, "plan", "--env", "local", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.toString());
        assertTrue(plan.out().contains("2 to create"), plan.toString());

        Cli.Result apply = ccc(root, "apply", "--env", "local", "--auto-approve",
                "--poll-interval", "100ms", "--timeout", "60s");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("2 succeeded, 0 failed"), apply.toString());
        awaitState(worker, "peve-file-source-01", "RUNNING", 1);
        awaitState(worker, "peve-file-sink-01", "RUNNING", 1);
        Map<String, String> sinkConfig = worker.list().get("peve-file-sink-01").config();
        assertEquals(topic + "-dlq", sinkConfig.get("errors.deadletterqueue.topic.name"), "ccc's DLQ default");
        assertEquals("all", sinkConfig.get("errors.tolerance"));
        assertEquals(SECRET, sinkConfig.get("ccc.it.secret"), "the worker stores and returns it as sent");
        assertNull(sinkConfig.get("ccc.sensitive.digest"),
                "a worker returns secrets in plain text: ccc compares them by a digest of this run's key, stores none");

        Cli.Result again = ccc(root, "plan", "--env", "local", "--detailed-exitcode");
        assertEquals(0, again.exitCode(), "what the worker returns must plan as no change:\n" + again);

        // Data flows: file -> source -> topic -> sink -> file, including lines added while running.
        Files.writeString(input, "order-3\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        await("the sink file holding every line of the source file", () -> readLines(output),
                lines -> lines.containsAll(List.of("order-1", "order-2", "order-3")));

        Repo.write(root, "file-source-01/local-vars.yaml", vars(topic, input, "batch_size: 200"));
        Cli.Result update = ccc(root, "plan", "--env", "local", "--detailed-exitcode");
        assertEquals(2, update.exitCode(), update.toString());
        assertTrue(update.out().contains("peve-file-source-01  will be updated in place"), update.toString());
        assertTrue(update.out().contains("batch.size: \"100\" -> \"200\""), update.toString());
        assertTrue(update.out().contains("0 to create, 1 to update, 0 to replace"), update.toString());
        Cli.Result updated = ccc(root, "apply", "--env", "local", "--auto-approve",
                "--poll-interval", "100ms", "--timeout", "60s");
        assertEquals(0, updated.exitCode(), updated.toString());
        assertTrue(updated.out().contains("1 succeeded, 0 failed"), updated.toString());
        assertEquals("200", worker.list().get("peve-file-source-01").config().get("batch.size"));
        awaitState(worker, "peve-file-source-01", "RUNNING", 1);
        assertEquals(0, ccc(root, "plan", "--env", "local", "--detailed-exitcode").exitCode());

        // An update that breaks a task is reported by that apply, not by the next one; the update
        // that fixes it is judged by what follows it, not by the failure it fixes.
        Repo.write(root, "file-sink-01/local-vars.yaml", vars(topic, root, "secret: " + SECRET));
        Cli.Result broken = ccc(root, "apply", "--env", "local", "--auto-approve",
                "--poll-interval", "100ms", "--settle", "5s", "--timeout", "60s");
        assertEquals(1, broken.exitCode(), broken.toString());
        assertTrue(broken.out().contains("FAILED  peve-file-sink-01 (update): task 0 FAILED"), broken.toString());
        Repo.write(root, "file-sink-01/local-vars.yaml", vars(topic, output, "secret: " + SECRET));
        Cli.Result fixed = ccc(root, "apply", "--env", "local", "--auto-approve",
                "--poll-interval", "100ms", "--settle", "5s", "--timeout", "60s");
        assertEquals(0, fixed.exitCode(), fixed.toString());
        assertTrue(fixed.out().contains("1 succeeded, 0 failed"), fixed.toString());
        awaitState(worker, "peve-file-sink-01", "RUNNING", 1);

        Cli.Result status = ccc(root, "status", "--env", "local");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("peve-file-source-01") && status.out().contains("peve-file-sink-01"),
                status.toString());
        assertTrue(status.out().contains("RUNNING"), status.toString());

        Cli.Result pause = ccc(root, "pause", "--env", "local", "peve-file-sink-01",
                "--poll-interval", "100ms", "--timeout", "30s");
        assertEquals(0, pause.exitCode(), pause.toString());
        assertTrue(pause.out().contains("peve-file-sink-01: PAUSED"), pause.toString());
        assertEquals("PAUSED", worker.status("peve-file-sink-01").state());
        Cli.Result resume = ccc(root, "resume", "--env", "local", "peve-file-sink-01",
                "--poll-interval", "100ms", "--timeout", "30s");
        assertEquals(0, resume.exitCode(), resume.toString());
        assertTrue(resume.out().contains("peve-file-sink-01: RUNNING"), resume.toString());
        awaitState(worker, "peve-file-sink-01", "RUNNING", 1);

        Cli.Result restart = ccc(root, "restart", "--env", "local", "peve-file-source-01",
                "--poll-interval", "100ms", "--timeout", "30s");
        assertEquals(0, restart.exitCode(), restart.toString());
        awaitState(worker, "peve-file-source-01", "RUNNING", 1);

        // STOPPED (KIP-875; also where ccc leaves a connector whose offsets change failed) is not
        // RUNNING: a connector declared RUNNING is resumed.
        worker.stop("peve-file-sink-01");
        awaitState(worker, "peve-file-sink-01", "STOPPED", 0);
        Cli.Result stopped = ccc(root, "plan", "--env", "local", "--detailed-exitcode");
        assertEquals(2, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.out().contains("peve-file-sink-01  will be resumed"), stopped.toString());
        assertTrue(stopped.out().contains("status: \"STOPPED\" -> \"RUNNING\""), stopped.toString());
        Cli.Result started = ccc(root, "apply", "--env", "local", "--auto-approve",
                "--poll-interval", "100ms", "--timeout", "60s");
        assertEquals(0, started.exitCode(), started.toString());
        awaitState(worker, "peve-file-sink-01", "RUNNING", 1);
        assertEquals(0, ccc(root, "plan", "--env", "local", "--detailed-exitcode").exitCode());

        Files.writeString(input, "order-4\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        await("the line written after the resume in the sink file", () -> readLines(output),
                lines -> lines.contains("order-4"));

        long inputLength = Files.size(input);
        Cli.Result offsets = await("'offsets get' showing the source at the end of its file",
                () -> ccc(root, "offsets", "get", "--env", "local", "peve-file-source-01", "--output", "json"),
                result -> result.exitCode() == 0 && result.out().contains("\"position\" : " + inputLength));
        assertTrue(offsets.out().contains(input.toString()), offsets.toString());
        Cli.Result sinkOffsets = ccc(root, "offsets", "get", "--env", "local", "peve-file-sink-01");
        assertEquals(0, sinkOffsets.exitCode(), sinkOffsets.toString());
        assertTrue(sinkOffsets.out().contains(topic), sinkOffsets.toString());

        // Moving offsets on a worker stops the connector and puts it back: said before, and after.
        Cli.Result unconfirmed = ccc(root, "offsets", "reset", "--env", "local", "peve-file-sink-01");
        assertEquals(3, unconfirmed.exitCode(), unconfirmed.toString());
        assertTrue(unconfirmed.err().contains("ccc stops peve-file-sink-01 (now RUNNING) for the change and then "
                + "resumes it"), unconfirmed.toString());
        Cli.Result reset = ccc(root, "offsets", "reset", "--env", "local", "peve-file-sink-01", "--yes",
                "--poll-interval", "100ms", "--timeout", "60s");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertTrue(reset.out().contains("peve-file-sink-01 was stopped for the change and then resumed and is RUNNING "
                + "again."), reset.toString());
        awaitState(worker, "peve-file-sink-01", "RUNNING", 1);

        // Gone from the repository: deleted only with --prune.
        Files.delete(root.resolve("file-source-01/local-file-source-01.json"));
        Files.delete(root.resolve("file-source-01/local-vars.yaml"));
        Cli.Result orphan = ccc(root, "plan", "--env", "local", "--detailed-exitcode");
        assertTrue(orphan.out().contains("1 orphaned"), orphan.toString());
        Cli.Result prune = ccc(root, "apply", "--env", "local", "--auto-approve", "--prune",
                "--poll-interval", "100ms", "--timeout", "60s");
        assertEquals(0, prune.exitCode(), prune.toString());
        assertTrue(prune.out().contains("1 to delete"), prune.toString());
        assertFalse(worker.list().containsKey("peve-file-source-01"));
        assertTrue(worker.list().containsKey("peve-file-sink-01"));
        assertEquals(0, ccc(root, "plan", "--env", "local", "--detailed-exitcode", "--prune").exitCode());
    }

    // ---------------------------------------------------------------- helpers

    private static String vars(String topic, Path file, String more) {
        return "status: RUNNING\ntopic: " + topic + "\nfile: " + file + "\n" + more + "\n";
    }

    private static Cli.Result ccc(Path root, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        Cli.Result result = Cli.run(Map.of(), "", all.toArray(String[]::new));
        assertFalse(result.all().contains(SECRET), "a sensitive value was printed:\n" + result);
        return result;
    }

    private static Map<String, String> withoutKey(Map<String, String> config, String key) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.remove(key);
        return copy;
    }

    private static long positionOf(ConnectorOffsets offsets, Path file) {
        for (ConnectorOffsets.Entry entry : offsets.offsets()) {
            if (file.toString().equals(entry.partition().path("filename").asText())) {
                return entry.offset().path("position").asLong(-1);
            }
        }
        return -1;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connector and exactly {@code tasks} tasks in {@code state}. */
    private static ConnectorStatus awaitState(KafkaConnectClient client, String name, String state, int tasks) {
        return await(name + " " + state + " with " + tasks + " task(s)", () -> statusOrNull(client, name),
                status -> status != null && state.equals(status.state()) && status.tasks().size() == tasks
                        && status.tasks().stream().map(TaskState::state).allMatch(state::equals));
    }

    private static ConnectorStatus awaitConnectorState(KafkaConnectClient client, String name, String state) {
        return await(name + " " + state, () -> statusOrNull(client, name),
                status -> status != null && state.equals(status.state()));
    }

    private static ConnectorStatus statusOrNull(KafkaConnectClient client, String name) {
        return Poll.statusOrNull(client, name);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return Poll.until(DEADLINE, what, probe, done);
    }
}
