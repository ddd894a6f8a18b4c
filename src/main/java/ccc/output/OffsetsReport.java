package ccc.output;

import ccc.client.connect.ConnectorOffsets;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A connector's offsets; the JSON form is also what 'offsets set --file' reads. */
public record OffsetsReport(ConnectorOffsets offsets) implements Report {

    @Override
    public String text(Console console) {
        if (offsets.offsets().isEmpty()) {
            return "  (no offsets)\n";
        }
        StringBuilder out = new StringBuilder();
        for (ConnectorOffsets.Entry entry : offsets.offsets()) {
            out.append("  ").append(console.value(Json.compact(entry.partition()))).append("  ->  ")
                    .append(console.value(Json.compact(entry.offset()))).append('\n');
        }
        if (offsets.observedAt() != null) {
            out.append("  (observed at ").append(console.value(offsets.observedAt())).append(")\n");
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document();
        root.put("name", offsets.name());
        ArrayNode list = root.putArray("offsets");
        for (ConnectorOffsets.Entry entry : offsets.offsets()) {
            ObjectNode node = list.addObject();
            node.set("partition", entry.partition());
            node.set("offset", entry.offset());
        }
        root.put("observed_at", offsets.observedAt());
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        List<List<String>> rows = new ArrayList<>();
        for (ConnectorOffsets.Entry entry : offsets.offsets()) {
            rows.add(List.of(md.code(Json.compact(entry.partition())), md.code(Json.compact(entry.offset()))));
        }
        return "### Offsets of " + md.code(offsets.name()) + "\n\n" + Markdown.table(List.of("partition", "offset"), rows);
    }
}
