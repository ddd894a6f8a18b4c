package ccc.output;

import ccc.engine.Runbook.StateChange;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of pause, resume or restart: each connector's final state. Failures and the warning
 * that the repository declares another state go to standard error, from the command.
 */
public record StateChangeReport(String environment, String verb, List<StateChange> changes) implements Report {

    public StateChangeReport {
        changes = List.copyOf(changes);
    }

    public boolean succeeded() {
        return changes.stream().allMatch(change -> change.result().reached());
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        for (StateChange change : changes) {
            if (change.result().reached()) {
                out.append(console.value(change.connector())).append(": ").append(console.value(change.result().state()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(environment);
        root.put("command", verb);
        ArrayNode list = root.putArray("connectors");
        for (StateChange change : changes) {
            ObjectNode node = list.addObject();
            node.put("connector", change.connector());
            node.put("wanted", change.wanted().name());
            node.put("result", change.result().result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("state", change.result().state());
            node.put("message", change.result().message());
            change.declaredOtherwise().ifPresent(declared -> node.put("declared", declared.state().name()));
        }
        root.put("succeeded", succeeded());
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        List<List<String>> rows = new ArrayList<>();
        for (StateChange change : changes) {
            rows.add(List.of(md.code(change.connector()), change.wanted().name(),
                    md.cell(change.result().state()), md.cell(change.result().message())));
        }
        return "### ccc " + verb + ": " + md.code(environment) + "\n\n"
                + Markdown.table(List.of("connector", "wanted", "state", "message"), rows);
    }
}
