package ccc.output;

import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Change;
import ccc.plan.Notice;
import ccc.plan.Plan;
import ccc.plan.Refusal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan as terraform users expect to read it, and as CI parses it (format_version 1). */
public record PlanReport(Plan plan, String location) implements Report {

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ").append(console.value(plan.environment())).append(" (").append(console.value(location))
                .append("), sensitive drift: ").append(plan.sensitiveMode().id()).append(note(plan)).append("\n");
        for (Action action : plan.actions()) {
            if (action.type() == ActionType.NO_OP) {
                continue;
            }
            out.append('\n').append(console.style(style(action.type()), "  " + action.type().symbol() + " "
                    + console.value(action.connector()))).append("  ").append(headline(action, console)).append('\n');
            for (Change change : action.changes()) {
                out.append("      ").append(line(change, console)).append('\n');
            }
        }
        if (!plan.notices().isEmpty()) {
            out.append('\n').append(console.style(Console.Style.YELLOW, "Notes:")).append('\n');
            for (Notice notice : plan.notices()) {
                out.append("  ! ").append(console.value(notice.message())).append('\n');
                if (notice.fix() != null) {
                    out.append("    ").append(console.value(notice.fix())).append('\n');
                }
            }
        }
        if (plan.refused()) {
            out.append('\n').append(console.style(Console.Style.RED, "Refused by safety rules:")).append('\n');
            for (Refusal refusal : plan.refusals()) {
                out.append("  x ").append(console.value(refusal.message())).append(".\n    Override: ")
                        .append(console.value(refusal.override())).append('\n');
            }
        }
        out.append('\n').append(summaryLine(plan)).append('\n');
        return out.toString();
    }

    private static String note(Plan plan) {
        return switch (plan.sensitiveMode()) {
            case DIGEST -> plan.notices(Notice.Kind.SECRET_DRIFT_UNVERIFIABLE).isEmpty()
                    ? " (rotated secrets detected by keyed digest)"
                    : " (keyed digest; this cluster keeps none for some connectors: see the notes)";
            case RESEND -> " (sensitive values re-sent on every apply)";
            case IGNORE -> " (secret rotations are not detected)";
        };
    }

    private static String headline(Action action, Console console) {
        return switch (action.type()) {
            case CREATE -> action.renamedFrom() == null ? "will be created"
                    : "will be created (rename of " + console.value(action.renamedFrom())
                    + ": starts without its offsets)";
            case UPDATE -> "will be updated in place (offsets kept)";
            case REPLACE -> "must be replaced: deleted and re-created, OFFSETS LOST";
            case DELETE -> "will be deleted, with its offsets";
            case PAUSE -> "will be paused";
            case RESUME -> "will be resumed";
            case ORPHAN -> "is in the cluster but not in the repository (kept; --prune deletes it)";
            case NO_OP -> "unchanged";
            case MOVE -> action.completesMove()
                    ? "will complete its move from " + console.value(action.renamedFrom()) + " (offsets carried: it "
                    + "exists, " + console.value(action.renamedFrom()) + " waits paused or stopped, and is deleted once "
                    + "this one runs)"
                    : "will be moved from " + console.value(action.renamedFrom()) + " (offsets carried)";
        } + (action.directory() == null ? "" : "  [" + console.value(action.directory()) + "]");
    }

    private static String line(Change change, Console console) {
        String key = console.value(change.key());
        if (change.sensitive()) {
            return switch (change.kind()) {
                case ADDED -> console.style(Console.Style.GREEN, "+ " + key + " = (sensitive)");
                case REMOVED -> console.style(Console.Style.RED, "- " + key + " = (sensitive)");
                case CHANGED -> console.style(Console.Style.YELLOW, "~ " + key + " = (sensitive value changed)");
            };
        }
        if (change.before() == null) {
            return console.style(Console.Style.GREEN, "+ " + key + " = " + quote(change.after(), console));
        }
        if (change.after() == null) {
            return console.style(Console.Style.RED, "- " + key + " = " + quote(change.before(), console));
        }
        return console.style(Console.Style.YELLOW, "~ " + key + ": " + quote(change.before(), console) + " -> "
                + quote(change.after(), console));
    }

    private static String quote(String value, Console console) {
        return "\"" + console.value(value) + "\"";
    }

    private static Console.Style style(ActionType type) {
        return switch (type) {
            case CREATE, MOVE -> Console.Style.GREEN;
            case DELETE, REPLACE -> Console.Style.RED;
            case ORPHAN -> Console.Style.CYAN;
            default -> Console.Style.YELLOW;
        };
    }

    public static String summaryLine(Plan plan) {
        Map<ActionType, Integer> summary = plan.summary();
        String counts = summary.get(ActionType.CREATE) + " to create, " + summary.get(ActionType.UPDATE)
                + " to update, " + summary.get(ActionType.REPLACE) + " to replace, "
                + (summary.get(ActionType.MOVE) == 0 ? "" : summary.get(ActionType.MOVE) + " to move, ")
                + summary.get(ActionType.DELETE)
                + " to delete, " + summary.get(ActionType.PAUSE) + " to pause, " + summary.get(ActionType.RESUME)
                + " to resume, " + summary.get(ActionType.NO_OP) + " unchanged, " + summary.get(ActionType.ORPHAN)
                + " orphaned.";
        if (plan.refused()) {
            return "Plan REFUSED (" + plan.refusals().size() + " safety rule" + (plan.refusals().size() == 1 ? "" : "s")
                    + "): " + counts;
        }
        return (plan.hasChanges() ? "Plan: " : "No changes. ") + counts;
    }

    @Override
    public ObjectNode json() {
        return json(plan);
    }

    /** The plan as JSON, also the "plan" of apply's document. */
    static ObjectNode json(Plan plan) {
        ObjectNode root = Json.document(plan.environment());
        root.put("sensitive_drift", plan.sensitiveMode().id());
        ArrayNode actions = root.putArray("actions");
        for (Action action : plan.actions()) {
            if (action.type() == ActionType.NO_OP) {
                continue;
            }
            ObjectNode node = actions.addObject();
            node.put("connector", action.connector());
            node.put("directory", action.directory());
            node.put("action", action.type().id());
            if (action.renamedFrom() != null) {
                node.put("renamed_from", action.renamedFrom());
            }
            if (action.completesMove()) {
                node.put("completes_move", true);
            }
            ArrayNode changes = node.putArray("changes");
            for (Change change : action.changes()) {
                ObjectNode changeNode = changes.addObject();
                changeNode.put("key", change.key());
                if (!change.sensitive()) {
                    changeNode.put("before", change.before());
                    changeNode.put("after", change.after());
                }
                changeNode.put("sensitive", change.sensitive());
                changeNode.put("change", change.kind().id());
            }
        }
        ArrayNode refusals = root.putArray("refusals");
        for (Refusal refusal : plan.refusals()) {
            ObjectNode node = refusals.addObject();
            node.put("connector", refusal.connector());
            node.put("rule", refusal.ruleId());
            node.put("message", refusal.message());
            node.put("override", refusal.override());
        }
        ArrayNode notices = root.putArray("notices");
        for (Notice notice : plan.notices()) {
            ObjectNode node = notices.addObject();
            node.put("connector", notice.connector());
            node.put("kind", notice.kind().id());
            node.put("message", notice.message());
            node.put("fix", notice.fix());
        }
        ObjectNode summary = root.putObject("summary");
        plan.summary().forEach((type, count) -> summary.put(type.id(), count));
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        CappedMarkdown out = CappedMarkdown.unlimited();
        markdown(md, out);
        return out.result();
    }

    /**
     * The markdown, most important first: the summary, refusals and notes, a table row per connector,
     * then each changed key. Past the cap's length the rest is left out, cleanly.
     */
    void markdown(Markdown md, CappedMarkdown out) {
        out.add("### ccc plan: " + md.code(plan.environment()) + " (" + md.cell(location) + ")\n\n"
                + "**" + summaryLine(plan) + "**\n\n"
                + "Sensitive drift mode: `" + plan.sensitiveMode().id() + "`.\n\n");
        if (plan.refused()) {
            out.add("#### :no_entry: Refused by safety rules\n\n");
            table(out, List.of("connector", "rule", "why", "override"), plan.refusals().stream()
                    .map(refusal -> List.of(md.code(refusal.connector()), refusal.ruleId(), md.cell(refusal.message()),
                            md.code(refusal.override()))).toList());
        }
        if (!plan.notices().isEmpty()) {
            out.add("#### Notes\n\n");
            table(out, List.of("connector", "note", "what", "fix"), plan.notices().stream()
                    .map(notice -> List.of(md.code(notice.connector()), notice.kind().id(), md.cell(notice.message()),
                            md.cell(notice.fix()))).toList());
        }
        List<Action> shown = plan.actions().stream().filter(a -> a.type() != ActionType.NO_OP).toList();
        if (shown.isEmpty()) {
            return;
        }
        table(out, List.of("action", "connector", "directory", "changes"), shown.stream()
                .map(action -> List.of(action.type().id(), md.code(action.connector()), md.code(action.directory()),
                        md.cell(changeSummary(action)))).toList());
        List<String> diff = new ArrayList<>();
        for (Action action : shown) {
            StringBuilder lines = new StringBuilder();
            lines.append(action.type().symbol()).append(' ').append(md.plain(action.connector())).append('\n');
            for (Change change : action.changes()) {
                String key = md.plain(change.key());
                if (change.sensitive()) {
                    lines.append(switch (change.kind()) {
                        case ADDED -> "+ " + key + " = (sensitive)";
                        case REMOVED -> "- " + key + " = (sensitive)";
                        case CHANGED -> "! " + key + " (sensitive value changed)";
                    }).append('\n');
                } else {
                    if (change.before() != null) {
                        lines.append("- ").append(key).append(" = ").append(md.plain(change.before())).append('\n');
                    }
                    if (change.after() != null) {
                        lines.append("+ ").append(key).append(" = ").append(md.plain(change.after())).append('\n');
                    }
                }
            }
            diff.add(lines.toString());
        }
        String fence = Markdown.fence(String.join("", diff));
        if (out.open("<details><summary>Changed keys</summary>\n\n" + fence + "diff\n", fence + "\n\n</details>\n")) {
            diff.forEach(out::add);
            out.close();
        }
    }

    /** A table whose rows are added while they fit; a blank line after it. */
    private static void table(CappedMarkdown out, List<String> headers, List<List<String>> rows) {
        if (out.add(Markdown.table(headers, List.of()))) {
            for (List<String> row : rows) {
                if (!out.add(Markdown.row(row))) {
                    return;
                }
            }
            out.add("\n");
        }
    }

    private static String changeSummary(Action action) {
        if (action.type() == ActionType.MOVE) {
            String keys = action.completesMove() && !action.changes().isEmpty()
                    ? "; " + String.join(", ", action.changes().stream().map(Change::key).toList()) : "";
            return (action.completesMove() ? "completes the move from " : "moved from ") + action.renamedFrom()
                    + " (offsets carried)" + keys;
        }
        if (action.type() == ActionType.CREATE || action.type() == ActionType.DELETE
                || action.type() == ActionType.ORPHAN) {
            return action.renamedFrom() == null ? "" : "rename of " + action.renamedFrom();
        }
        return String.join(", ", action.changes().stream().map(Change::key).toList());
    }
}
