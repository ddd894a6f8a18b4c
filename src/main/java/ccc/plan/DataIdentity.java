package ccc.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether two connectors move the same data, which makes deleting one and creating the other a
 * rename: same class, and for a sink the same topics, for a source the same origin and output.
 */
final class DataIdentity {

    private static final List<String> SINK_KEYS = List.of("topics", "topics.regex");
    private static final List<String> SOURCE_KEYS = List.of("kafka.topic", "topic", "topics", "topic.prefix",
            "database.hostname", "database.server.name", "database.dbname", "database.names", "connection.url",
            "connection.host", "table.include.list", "table.whitelist", "collection.include.list", "file",
            "quickstart");

    private DataIdentity() {
    }

    static boolean same(Map<String, String> a, Map<String, String> b) {
        String classA = a.get("connector.class");
        if (classA == null || !classA.equals(b.get("connector.class"))) {
            return false;
        }
        boolean sink = a.containsKey("topics.regex") || (a.containsKey("topics") && !hasAny(a, SOURCE_KEYS, "topics"));
        List<String> keys = sink ? SINK_KEYS : SOURCE_KEYS;
        boolean anyPresent = false;
        for (String key : keys) {
            String valueA = normalize(key, a.get(key));
            String valueB = normalize(key, b.get(key));
            if (!Objects.equals(valueA, valueB)) {
                return false;
            }
            anyPresent |= valueA != null;
        }
        return anyPresent;
    }

    private static boolean hasAny(Map<String, String> config, List<String> keys, String except) {
        return keys.stream().anyMatch(key -> !key.equals(except) && config.containsKey(key));
    }

    /** Lists compare as sets: "b, a" and "a,b" name the same topics. */
    private static String normalize(String key, String value) {
        if (value == null) {
            return null;
        }
        if (key.equals("topics") || key.endsWith(".list") || key.equals("table.whitelist")) {
            return String.join(",", new TreeSet<>(Arrays.stream(value.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()));
        }
        return value.trim();
    }
}
