package ccc.output;

import ccc.engine.Outcome;
import ccc.plan.Plan;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of apply, per connector. Each outcome is printed once, as a progress line the moment
 * it is known ({@link #line}); the closing text counts them and repeats only the failures.
 */
public record ApplyReport(Plan plan, List<Outcome> outcomes, Duration total) implements Report {

    public ApplyReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Nothing was applied. */
    public ApplyReport(Plan plan) {
        this(plan, List.of(), Duration.ZERO);
    }

    public static String line(Outcome outcome, Console console) {
        Console.Style style = outcome.ok() ? Console.Style.GREEN : Console.Style.RED;
        return console.style(style, (outcome.ok() ? "  ok      " : "  FAILED  ") + console.value(outcome.connector()))
                + " (" + outcome.action().id() + "): " + console.paragraph(outcome.message(), "          ")
                + (outcome.elapsed() == null ? "" : " [" + seconds(outcome.elapsed()) + "s]");
    }

    /** One step of an action that takes several (a move), printed the moment it is done. */
    public static String step(String step, Console console) {
        return "  >>      " + console.value(step);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    @Override
    public String text(Console console) {
        List<Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        StringBuilder out = new StringBuilder("\nApply finished in " + seconds(total) + "s: ");
        out.append(outcomes.size() - failed.size()).append(" succeeded, ").append(failed.size()).append(" failed.\n");
        for (Outcome outcome : failed) {
            out.append(line(outcome, console)).append('\n');
        }
        if (!failed.isEmpty()) {
            out.append("Fix the failures and run apply again: it only redoes what is still different.\n");
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(plan.environment());
        root.set("plan", PlanReport.json(plan));
        ArrayNode list = root.putArray("outcomes");
        for (Outcome outcome : outcomes) {
            ObjectNode node = list.addObject();
            node.put("connector", outcome.connector());
            node.put("action", outcome.action().id());
            node.put("result", outcome.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("state", outcome.state());
            node.put("message", outcome.message());
            if (outcome.elapsed() != null) {
                node.put("seconds", outcome.elapsed().toMillis() / 1000.0);
            }
            if (!outcome.steps().isEmpty()) {
                ArrayNode steps = node.putArray("steps");
                outcome.steps().forEach(steps::add);
            }
        }
        root.put("seconds", total.toMillis() / 1000.0);
        root.put("succeeded", outcomes.stream().allMatch(Outcome::ok));
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc apply: ").append(md.code(plan.environment())).append("\n\n");
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        out.append("**").append(outcomes.size() - failed).append(" succeeded, ").append(failed).append(" failed.**\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            rows.add(List.of(md.code(outcome.connector()), outcome.action().id(),
                    outcome.result().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    md.cell(outcome.state()), md.cell(outcome.steps().isEmpty() ? outcome.message()
                            : String.join("; ", outcome.steps()) + ". " + outcome.message())));
        }
        if (!rows.isEmpty()) {
            out.append(Markdown.table(List.of("connector", "action", "result", "state", "message"), rows));
        }
        return out.toString();
    }
}
