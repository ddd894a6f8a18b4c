package ccc.output;

import ccc.engine.Runbook.OffsetsMove;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of offsets set or reset. Its text is what follows the "before" table, which the
 * command prints before asking for --yes; JSON and markdown carry both.
 */
public record OffsetsMoveReport(String environment, String request, OffsetsMove move) implements Report {

    /**
     * What moving the offsets also does to a connector in {@code state} on a self-managed worker, said before it
     * is done: "ccc stops it for the change and then resumes it".
     */
    public static String interruption(String connector, String state) {
        return "on this Kafka Connect worker, offsets move only while a connector is stopped: ccc stops " + connector
                + " (now " + state + ") for the change and then " + putBack(state) + " it";
    }

    private static String putBack(String state) {
        return "PAUSED".equals(state) ? "pauses" : "resumes";
    }

    /** What the change did to the connector besides, said after it: null when it did nothing (Confluent Cloud). */
    String interrupted() {
        if (move.stoppedFrom() == null) {
            return null;
        }
        String now = move.stateAfter() == null ? "" : move.stateAfter().equals(move.stoppedFrom())
                ? " and is " + move.stateAfter() + " again" : "; it is now " + move.stateAfter();
        return move.connector() + " was stopped for the change and then " + ("PAUSED".equals(move.stoppedFrom())
                ? "paused" : "resumed") + now + ".";
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder("Offsets of ").append(console.value(move.connector())).append(" after:\n");
        out.append(new OffsetsReport(move.after()).text(console));
        if (move.status().isApplied()) {
            out.append("Offsets request APPLIED for ").append(console.value(move.connector())).append(".\n");
        }
        if (interrupted() != null) {
            out.append(console.value(interrupted())).append('\n');
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(environment);
        root.put("connector", move.connector());
        root.put("request", request);
        root.put("phase", move.status().phase());
        root.put("message", move.status().message());
        root.put("timed_out", move.timedOut());
        root.set("before", new OffsetsReport(move.before()).json().get("offsets"));
        root.set("after", new OffsetsReport(move.after()).json().get("offsets"));
        root.put("succeeded", move.status().isApplied());
        if (move.stoppedFrom() != null) {
            root.put("stopped_from", move.stoppedFrom());
            root.put("state_after", move.stateAfter());
        }
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        return "### ccc offsets " + request + ": " + md.code(move.connector()) + " (" + md.cell(environment) + ")\n\n"
                + "Request ended **" + md.cell(move.status().phase()) + "**"
                + (move.status().message() == null || move.status().message().isBlank() ? "" : ": "
                + md.cell(move.status().message())) + "."
                + (interrupted() == null ? "" : " " + md.cell(interrupted())) + "\n\nBefore:\n\n"
                + new OffsetsReport(move.before()).markdown(md) + "\nAfter:\n\n"
                + new OffsetsReport(move.after()).markdown(md);
    }
}
