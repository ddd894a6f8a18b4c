package ccc.plan;

import ccc.config.ConnectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data a connector moves, for telling whether two connectors move the same data (which makes
 * one taking over from the other a rename). Judged generously, because a wrong "not the same data"
 * costs re-delivered or lost records while a wrong "the same data" costs one flag, and whatever
 * else differs, the class included:
 * <ul>
 *   <li>a sink by the topics it reads: any shared topic, by name or by a {@code topics.regex} of
 *       either that matches a topic (or the regex) of the other;</li>
 *   <li>a source by where it reads from ({@link SourceFamily}), not by the topic it writes to:
 *       a renamed file source that writes elsewhere still re-reads the whole file;</li>
 *   <li>a source whose origin its config does not show (an unknown class, a connection URL declared
 *       sensitive) by the topics it writes to, the best evidence left.</li>
 * </ul>
 * A sink and a source never move the same data.
 */
final class DataIdentity {

    private static final List<String> OUTPUT_TOPIC_KEYS = List.of("kafka.topic", "topic", "topics", "topic.prefix",
            "database.server.name");

    private final ConnectorKind kind;
    private final NameSet topicsRead;
    private final Optional<SourceOrigin> origin;
    private final NameSet topicsWritten;

    private DataIdentity(ConnectorKind kind, NameSet topicsRead, Optional<SourceOrigin> origin, NameSet topicsWritten) {
        this.kind = kind;
        this.topicsRead = topicsRead;
        this.origin = origin;
        this.topicsWritten = topicsWritten;
    }

    static DataIdentity of(Map<String, String> config) {
        ConnectorKind kind = ConnectorKind.of(config);
        if (kind == ConnectorKind.SINK) {
            return new DataIdentity(kind, NameSet.topics(config.get("topics"), config.get("topics.regex")),
                    Optional.empty(), NameSet.exact(List.of()));
        }
        List<String> written = new ArrayList<>();
        OUTPUT_TOPIC_KEYS.forEach(key -> written.addAll(NameSet.split(config.get(key))));
        return new DataIdentity(kind, NameSet.exact(List.of()),
                SourceFamily.of(config).flatMap(family -> family.origin(config)), NameSet.exact(written));
    }

    /** Why the two connectors move the same data ("both read topic orders"), or empty when they do not. */
    Optional<String> sharedWith(DataIdentity other) {
        if (kind != other.kind) {
            return Optional.empty();
        }
        if (kind == ConnectorKind.SINK) {
            return topicsRead.sharedWith(other.topicsRead).map(topic -> "both read topic " + topic);
        }
        if (origin.isPresent() && other.origin.isPresent()) {
            return origin.get().sharedWith(other.origin.get());
        }
        return topicsWritten.sharedWith(other.topicsWritten).map(topic -> "both write to topic " + topic
                + ", and where at least one of them reads from cannot be told from its config");
    }
}
