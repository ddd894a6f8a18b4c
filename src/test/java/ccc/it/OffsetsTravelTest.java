package ccc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.HttpSettings;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.KafkaConnectClient;
import ccc.secret.SecretRegistry;
import ccc.testing.Cli;
import ccc.testing.Poll;
import ccc.testing.Repo;
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
import java.util.stream.Stream;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offsets travel, on a real Kafka Connect worker (one worker and one KRaft broker, shared by every
 * test of the class): a sink renamed with --carry-offsets re-delivers nothing it wrote, a source
 * renamed with it does not read its input again, a move that fails after the create is completed
 * by the next apply, and a connector imported from the worker and migrated with 'ccc migrate'
 * (the worker as the source, a kafka-connect environment on the same worker as the target: two
 * name spaces of one worker) carries its sink offsets.
 */
class OffsetsTravelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 6,
            Duration.ofMillis(50), Duration.ofSeconds(2));
    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private static final String STRING = "org.apache.kafka.connect.storage.StringConverter";
    private static final String SECRET = "it-travel-canary-9Kd3Qs";
    private static final String[] FAST = {"--poll-interval", "100ms", "--timeout", "60s"};

    private static EmbeddedConnectCluster connect;
    private static String workerUrl;
    private static KafkaConnectClient worker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startWorker() {
        Map<String, String> props = new HashMap<>();
        props.put("plugin.discovery", "service_load");
        props.put("offset.flush.interval.ms", "200");
        connect = new EmbeddedConnectCluster.Builder().name("ccc-travel").numWorkers(1).workerProps(props).build();
        connect.start();
        workerUrl = connect.endpointForResource("").replaceAll("/+$", "");
        worker = new KafkaConnectClient(workerUrl, HTTP, new SecretRegistry());
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.stop();
        }
    }

    // ---------------------------------------------------------------- renames with --carry-offsets

    @Test
    void aSinkRenamedWithCarryOffsetsReDeliversNothingItWrote() {
        String topic = topics("travel-sink");
        Path root = repo();
        sink(root, "peve-travel-sink-old", topic, dir.resolve("old.txt"));
        apply(root);
        produce(topic, "a1", "a2", "a3", "a4", "a5");
        await("the old sink writing five records", () -> lines(dir.resolve("old.txt")), l -> l.size() == 5);

        sink(root, "peve-travel-sink-new", topic, dir.resolve("new.txt"));
        Cli.Result moved = ccc(root, Stream.concat(Stream.of("apply", "--env", "local", "--auto-approve",
                "--carry-offsets"), Stream.of(FAST)).toArray(String[]::new));
        assertEquals(0, moved.exitCode(), moved.toString());
        assertTrue(moved.out().contains(">> peve-travel-sink-new  will be moved from peve-travel-sink-old"), moved.toString());
        assertTrue(moved.err().contains("peve-travel-sink-old is STOPPED"), "self-managed: stopped, not paused\n" + moved);
        assertFalse(worker.list().containsKey("peve-travel-sink-old"), "the old connector is deleted once the new one runs");

        produce(topic, "b1", "b2");
        List<String> written = await("the new sink writing the records produced after the move",
                () -> lines(dir.resolve("new.txt")), l -> l.size() >= 2);
        assertEquals(List.of("b1", "b2"), written, "0 of the 5 records already written are delivered again");
        assertEquals(0, ccc(root, "plan", "--env", "local", "--carry-offsets", "--detailed-exitcode").exitCode());
    }

    @Test
    void aSourceRenamedWithCarryOffsetsDoesNotReadItsInputAgain() throws IOException {
        String first = topics("travel-src-1");
        String second = topics("travel-src-2");
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "l1\nl2\nl3\nl4\n", StandardCharsets.UTF_8);
        Path root = repo();
        source(root, "peve-travel-src-old", first, input);
        apply(root);
        assertEquals(4, connect.kafka().consume(4, DEADLINE.toMillis(), first).count());

        source(root, "peve-travel-src-new", second, input); // the same file: a rename, writing elsewhere now
        Cli.Result moved = ccc(root, Stream.concat(Stream.of("apply", "--env", "local", "--auto-approve",
                "--carry-offsets"), Stream.of(FAST)).toArray(String[]::new));
        assertEquals(0, moved.exitCode(), moved.toString());
        Files.writeString(input, "l5\nl6\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> values = new ArrayList<>();
        connect.kafka().consume(2, DEADLINE.toMillis(), second)
                .forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        assertEquals(List.of("l5", "l6"), values, "the four lines read before the move are not read again");
    }

    @Test
    void aMoveThatFailsAfterTheCreateIsCompletedByTheNextApply() {
        String topic = topics("travel-int");
        Path root = repo();
        sink(root, "peve-travel-int-old", topic, dir.resolve("int-old.txt"));
        apply(root);
        produce(topic, "c1", "c2", "c3");
        await("the old sink writing three records", () -> lines(dir.resolve("int-old.txt")), l -> l.size() == 3);

        // The new sink cannot open its file: its task fails after the create, so the move stops there.
        sink(root, "peve-travel-int-new", topic, dir.resolve("missing-dir/int-new.txt"));
        Cli.Result failed = ccc(root, "apply", "--env", "local", "--auto-approve", "--carry-offsets",
                "--poll-interval", "100ms", "--timeout", "20s", "--settle", "1s");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("peve-travel-int-old is left paused (or stopped), not deleted"), failed.toString());
        assertEquals("STOPPED", statusOrNull("peve-travel-int-old").state(), "both visible, the old one at rest");
        assertNotNull(statusOrNull("peve-travel-int-new"));

        sink(root, "peve-travel-int-new", topic, dir.resolve("int-new.txt"));
        Cli.Result plan = ccc(root, "plan", "--env", "local", "--carry-offsets", "--prune");
        assertTrue(plan.out().contains(">> peve-travel-int-new  will complete its move from peve-travel-int-old"),
                plan.toString());
        Cli.Result completed = ccc(root, Stream.concat(Stream.of("apply", "--env", "local", "--auto-approve",
                "--carry-offsets", "--prune"), Stream.of(FAST)).toArray(String[]::new));
        assertEquals(0, completed.exitCode(), completed.toString());
        assertFalse(worker.list().containsKey("peve-travel-int-old"));
        produce(topic, "d1");
        assertEquals(List.of("d1"), await("the completed move's sink writing", () -> lines(dir.resolve("int-new.txt")),
                l -> !l.isEmpty()), "the three records written before the move are not delivered again");
    }

    // ---------------------------------------------------------------- import and migrate

    @Test
    void importWritesFilesThatValidateAndMigrateCarriesASinksOffsets() {
        String topic = topics("travel-mig");
        Path output = dir.resolve("mig.txt");
        Map<String, String> legacy = new LinkedHashMap<>();
        legacy.put("connector.class", SINK);
        legacy.put("tasks.max", "1");
        legacy.put("topics", topic);
        legacy.put("file", output.toString());
        legacy.put("key.converter", STRING);
        legacy.put("value.converter", STRING);
        legacy.put("errors.deadletterqueue.topic.replication.factor", "1");
        worker.create("legacy-orders-sink", legacy, List.of());
        Map<String, String> withSecret = new LinkedHashMap<>(legacy);
        withSecret.put("file", dir.resolve("other.txt").toString());
        withSecret.put("ccc.it.password", SECRET);
        worker.create("legacy-secret-sink", withSecret, List.of());
        produce(topic, "m1", "m2", "m3", "m4", "m5");
        await("the self-managed sink writing five records", () -> lines(output), l -> l.size() == 5);

        Path root = repo();
        Cli.Result imported = ccc(root, "import", "--from", workerUrl, "legacy-orders-sink", "legacy-secret-sink",
                "--env", "local");
        assertEquals(0, imported.exitCode(), imported.toString());
        Path json = root.resolve("ccloud-legacy-secret-sink/local-ccloud-legacy-secret-sink.json");
        assertTrue(Files.exists(json), imported.toString());
        assertFalse(Repo.read(json).contains(SECRET), "a secret was written to a file");
        assertTrue(Repo.read(json).contains("${vault:secret/peve/legacy-secret-sink#ccc_it_password}"), Repo.read(json));
        assertEquals(0, ccc(root, "validate", "--env", "local").exitCode(), "what import writes passes validate");
        Cli.Result again = ccc(root, "import", "--from", workerUrl, "legacy-orders-sink", "--env", "local");
        assertEquals(1, again.exitCode(), "never overwrites:\n" + again);
        assertTrue(again.out().contains("refusing to overwrite"), again.toString());

        Cli.Result dryRun = ccc(root, "migrate", "--from", workerUrl, "legacy-orders-sink", "--env", "local");
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("Nothing was changed"), dryRun.toString());
        assertEquals("RUNNING", statusOrNull("legacy-orders-sink").state(), "a dry run changes nothing");
        assertFalse(worker.list().containsKey("peve-legacy-orders-sink"));

        Cli.Result migrated = ccc(root, Stream.concat(Stream.of("migrate", "--from", workerUrl, "legacy-orders-sink",
                "--env", "local", "--execute", "--delete-source"), Stream.of(FAST)).toArray(String[]::new));
        assertEquals(0, migrated.exitCode(), migrated.toString());
        assertTrue(migrated.out().contains("topic-partition offsets carried as they are"), migrated.toString());
        assertFalse(worker.list().containsKey("legacy-orders-sink"), "--delete-source deletes it once the new one runs");
        assertEquals("RUNNING", statusOrNull("peve-legacy-orders-sink").state());

        produce(topic, "m6", "m7");
        List<String> all = await("the migrated sink writing the new records", () -> lines(output), l -> l.size() >= 7);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7"), all, "0 records delivered again");
    }

    // ---------------------------------------------------------------- helpers

    /** A topic and its DLQ (ccc's default pattern), created; returns the topic. */
    private static String topics(String topic) {
        connect.kafka().createTopic(topic, 1);
        connect.kafka().createTopic(topic + "-dlq", 1);
        return topic;
    }

    private Path repo() {
        Path root = dir.resolve("connectors");
        Repo.write(root, "ccc.yaml", Repo.workerCccYaml(workerUrl));
        return root;
    }

    private static void sink(Path root, String name, String topic, Path file) {
        Repo.connector(root, "local", "travel-" + topic, """
                {"name": "%s",
                 "config_nonsensitive": {"connector.class": "%s", "topics": "%s", "file": "%s", "tasks.max": "1",
                   "key.converter": "%s", "value.converter": "%s",
                   "errors.deadletterqueue.topic.replication.factor": "1"}}
                """.formatted(name, SINK, topic, file, STRING, STRING), "status: RUNNING\n");
    }

    private static void source(Path root, String name, String topic, Path file) {
        Repo.connector(root, "local", "travel-source", """
                {"name": "%s",
                 "config_nonsensitive": {"connector.class": "%s", "topic": "%s", "file": "%s", "tasks.max": "1",
                   "key.converter": "%s", "value.converter": "%s"}}
                """.formatted(name, SOURCE, topic, file, STRING, STRING), "status: RUNNING\n");
    }

    private static void apply(Path root) {
        Cli.Result apply = ccc(root, Stream.concat(Stream.of("apply", "--env", "local", "--auto-approve"),
                Stream.of(FAST)).toArray(String[]::new));
        assertEquals(0, apply.exitCode(), apply.toString());
    }

    private static void produce(String topic, String... values) {
        for (String value : values) {
            connect.kafka().produce(topic, value);
        }
    }

    private static Cli.Result ccc(Path root, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        Cli.Result result = Cli.run(Map.of(), "", all.toArray(String[]::new));
        assertFalse(result.all().contains(SECRET), "a sensitive value was printed:\n" + result);
        return result;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConnectorStatus statusOrNull(String name) {
        return Poll.statusOrNull(worker, name);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return Poll.until(DEADLINE, what, probe, done);
    }
}
