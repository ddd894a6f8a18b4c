package ccc.config;

import java.util.Locale;
import java.util.Map;

/** Source or sink, from the connector class name, or from the presence of {@code topics}. */
public enum ConnectorKind {
    SOURCE, SINK;

    public static ConnectorKind of(Map<String, String> config) {
        String connectorClass = config.getOrDefault("connector.class", "").toLowerCase(Locale.ROOT);
        if (connectorClass.contains("sink")) {
            return SINK;
        }
        if (connectorClass.contains("source")) {
            return SOURCE;
        }
        return config.containsKey("topics") || config.containsKey("topics.regex") ? SINK : SOURCE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
