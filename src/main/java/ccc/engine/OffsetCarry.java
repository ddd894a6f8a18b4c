package ccc.engine;

import ccc.CccException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.connect.ConnectorStatus;
import ccc.config.ConnectorKind;
import ccc.plan.RunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a move and a migration share: bringing a connector to rest, reading offsets that no task
 * moves any more, and keeping those a new connector can use.
 */
public final class OffsetCarry {

    private OffsetCarry() {
    }

    /**
     * Waits until the connector is in {@code quiet} (STOPPED or PAUSED, as {@link ConnectClient#stopOrPause}
     * answered) with no task running (a stopped one has none at all).
     *
     * @throws CccException when it is not there within the poll's timeout
     */
    public static void awaitQuiet(ConnectClient client, String name, RunState quiet, Poll poll) {
        ConnectorStatus status = poll.until(() -> client.statusIfPresent(name), seen -> isQuiet(seen, quiet));
        if (!isQuiet(status, quiet)) {
            throw new CccException(name + " did not reach " + quiet + " within " + poll.timeout().toSeconds()
                    + "s (last seen " + (status == null ? "nowhere" : status.state()) + ")");
        }
    }

    static boolean isQuiet(ConnectorStatus status, RunState quiet) {
        return status != null && status.runState() == quiet
                && (quiet == RunState.STOPPED ? status.tasks().isEmpty()
                : status.tasks().stream().noneMatch(task -> task.runState() == RunState.RUNNING));
    }

    /**
     * The offsets once two reads one interval apart agree: a task that was still committing when
     * the connector came to rest has finished by then.
     *
     * @throws CccException when they keep changing until the timeout
     */
    public static List<ConnectorOffsets.Entry> stable(ConnectClient client, String name, Duration timeout,
                                                      Duration interval) {
        List<List<ConnectorOffsets.Entry>> last = new ArrayList<>();
        List<ConnectorOffsets.Entry> stable = new Poll(timeout, interval).until(() -> {
            List<ConnectorOffsets.Entry> now = client.offsets(name).offsets();
            boolean same = !last.isEmpty() && new HashSet<>(now).equals(new HashSet<>(last.get(0)));
            last.clear();
            last.add(now);
            return same ? now : null;
        }, Objects::nonNull);
        if (stable == null) {
            throw new CccException("the offsets of " + name + " kept changing for " + timeout.toSeconds()
                    + "s after it came to rest");
        }
        return stable;
    }

    /**
     * The offsets a connector with this config can use: a sink's topic-partition offsets of the
     * topics it reads (as they are: the format is Kafka's, whatever the class); a source's all of
     * them (its class's own format, which only the same class reads).
     */
    public static List<ConnectorOffsets.Entry> usableBy(Map<String, String> config,
                                                        List<ConnectorOffsets.Entry> offsets) {
        if (ConnectorKind.of(config) != ConnectorKind.SINK) {
            return offsets;
        }
        SinkTopics topics = SinkTopics.of(config);
        return offsets.stream().filter(entry -> entry.partition() != null
                && topics.reads(entry.partition().path("kafka_topic").asText(null))).toList();
    }
}
