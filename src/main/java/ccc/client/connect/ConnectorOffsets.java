package ccc.client.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A connector's offsets: each a source partition (or a Kafka topic partition for a sink) and its
 * position, kept as JSON because their shape depends on the plugin.
 */
public record ConnectorOffsets(String name, List<Entry> offsets, String observedAt) {

    public record Entry(JsonNode partition, JsonNode offset) {
    }

    public ConnectorOffsets {
        offsets = List.copyOf(offsets);
    }
}
