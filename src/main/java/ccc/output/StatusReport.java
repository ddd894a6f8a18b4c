package ccc.output;

import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.RemoteConnector;
import ccc.client.connect.TaskState;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Connector and task states for the on-call engineer, and for scripts (format_version 1).
 *
 * @param tracesScrubbedByKey whether every sensitive key (and literal sensitive value) the repository
 *     declares for the environment was known to the scrubber: false when some connector file could
 *     not be read, so a trace may show a secret that only its key would have given away
 */
public record StatusReport(String environment, String location, List<RemoteConnector> connectors, List<String> missing,
                           boolean fullTrace, boolean tracesScrubbedByKey) implements Report {

    private static final int TRACE_LINES = 5;

    public StatusReport {
        connectors = List.copyOf(connectors);
        missing = List.copyOf(missing);
    }

    public static boolean isFailed(RemoteConnector connector) {
        ConnectorStatus status = connector.status();
        if (status == null) {
            return false;
        }
        return "FAILED".equalsIgnoreCase(status.state())
                || status.tasks().stream().anyMatch(t -> "FAILED".equalsIgnoreCase(t.state()));
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        int width = Math.max(9, connectors.stream().mapToInt(c -> console.value(c.name()).length()).max().orElse(0));
        for (String name : missing) {
            width = Math.max(width, console.value(name).length());
        }
        out.append(pad("CONNECTOR", width)).append("  ").append(pad("ID", 12)).append("  ").append(pad("STATE", 12))
                .append("  TASKS\n");
        for (RemoteConnector connector : connectors) {
            String state = connector.state() == null ? "UNKNOWN" : console.value(connector.state());
            out.append(pad(console.value(connector.name()), width)).append("  ")
                    .append(pad(console.value(nonNull(connector.id())), 12)).append("  ")
                    .append(console.style(style(state), pad(state, 12))).append("  ").append(tasks(connector, console))
                    .append('\n');
        }
        for (String name : missing) {
            out.append(pad(console.value(name), width)).append("  ").append(pad("-", 12)).append("  ")
                    .append(console.style(Console.Style.RED, pad("MISSING", 12)))
                    .append("  declared in the repository, not in the cluster (ccc apply creates it)\n");
        }
        for (RemoteConnector connector : connectors) {
            ConnectorStatus status = connector.status();
            if (status == null) {
                continue;
            }
            if (status.connector() != null && "FAILED".equalsIgnoreCase(status.state())
                    && status.connector().trace() != null) {
                out.append('\n').append(console.value(connector.name())).append(" FAILED:\n")
                        .append(indent(status.connector().trace(), console));
            }
            for (TaskState task : status.tasks()) {
                if ("FAILED".equalsIgnoreCase(task.state()) && task.trace() != null) {
                    out.append('\n').append(console.value(connector.name())).append(" task ").append(task.id())
                            .append(" FAILED:\n").append(indent(task.trace(), console));
                }
            }
        }
        if (connectors.isEmpty() && missing.isEmpty()) {
            out.append("(no connectors in ").append(console.value(location)).append(")\n");
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(environment);
        ArrayNode list = root.putArray("connectors");
        for (RemoteConnector connector : connectors) {
            ObjectNode node = list.addObject();
            node.put("name", connector.name());
            node.put("id", connector.id());
            node.put("type", connector.type());
            ConnectorStatus status = connector.status();
            node.put("state", connector.state());
            node.put("trace", status == null || status.connector() == null ? null : status.connector().trace());
            ArrayNode tasks = node.putArray("tasks");
            if (status != null) {
                for (TaskState task : status.tasks()) {
                    ObjectNode taskNode = tasks.addObject();
                    taskNode.put("id", task.id());
                    taskNode.put("state", task.state());
                    taskNode.put("trace", task.trace());
                }
            }
        }
        ArrayNode absent = root.putArray("missing");
        missing.forEach(absent::add);
        root.put("traces_scrubbed_by_key", tracesScrubbedByKey);
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        List<List<String>> rows = new ArrayList<>();
        for (RemoteConnector connector : connectors) {
            rows.add(List.of(md.code(connector.name()), md.code(nonNull(connector.id())),
                    md.cell(nonNull(connector.state())), md.cell(tasks(connector, null))));
        }
        for (String name : missing) {
            rows.add(List.of(md.code(name), "", "MISSING", ""));
        }
        return "### ccc status: " + md.code(environment) + "\n\n"
                + Markdown.table(List.of("connector", "id", "state", "tasks"), rows);
    }

    private static String tasks(RemoteConnector connector, Console console) {
        if (connector.status() == null || connector.status().tasks().isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (TaskState task : connector.status().tasks()) {
            String text = task.id() + ":" + task.state();
            parts.add(console == null ? text : console.style(style(task.state()), console.value(text)));
        }
        return String.join(" ", parts);
    }

    private static Console.Style style(String state) {
        if (state == null) {
            return Console.Style.DIM;
        }
        return switch (state.toUpperCase(java.util.Locale.ROOT)) {
            case "RUNNING" -> Console.Style.GREEN;
            case "FAILED", "DEGRADED" -> Console.Style.RED;
            default -> Console.Style.YELLOW;
        };
    }

    private static String trace(String trace, boolean full) {
        if (full) {
            return trace;
        }
        String[] lines = trace.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(TRACE_LINES, lines.length); i++) {
            out.append(lines[i]).append('\n');
        }
        if (lines.length > TRACE_LINES) {
            out.append("... ").append(lines.length - TRACE_LINES).append(" more lines (--trace shows them)\n");
        }
        return out.toString();
    }

    /**
     * The trace's first lines (all with --trace), each indented and with its own control characters
     * escaped (a Java trace's tabs as spaces). Secrets are masked in the whole trace before it is
     * cut into lines, so that a secret spanning lines (a PEM key) is masked whole.
     */
    private String indent(String trace, Console console) {
        StringBuilder out = new StringBuilder();
        for (String line : trace(console.secrets().scrub(trace), fullTrace).split("\r?\n")) {
            out.append("    ").append(console.value(line.replace("\t", "    "))).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String nonNull(String text) {
        return text == null ? "-" : text;
    }
}
