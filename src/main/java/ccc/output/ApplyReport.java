package ccc.output;

import ccc.plan.Plan;
import ccc.engine.Outcome;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The outcome of apply, per connector. */
public final class ApplyReport {

    private ApplyReport() {
    }

    public static String line(Outcome outcome, Console console) {
        Console.Style style = outcome.ok() ? Console.Style.GREEN : Console.Style.RED;
        return console.style(style, (outcome.ok() ? "  ok      " : "  FAILED  ") + outcome.connector())
                + " (" + outcome.action().id() + "): " + outcome.message();
    }

    public static String text(List<Outcome> outcomes, Console console) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        StringBuilder out = new StringBuilder("\nApply finished: ");
        out.append(outcomes.size() - failed).append(" succeeded, ").append(failed).append(" failed.\n");
        for (Outcome outcome : outcomes) {
            out.append(line(outcome, console)).append('\n');
        }
        if (failed > 0) {
            out.append("Fix the failures and run apply again: it only redoes what is still different.\n");
        }
        return out.toString();
    }

    public static String json(Plan plan, List<Outcome> outcomes) {
        ObjectNode root = Json.document();
        root.put("environment", plan.environment());
        root.set("plan", PlanReport.json(plan));
        ArrayNode list = root.putArray("outcomes");
        for (Outcome outcome : outcomes) {
            ObjectNode node = list.addObject();
            node.put("connector", outcome.connector());
            node.put("action", outcome.action().id());
            node.put("result", outcome.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            node.put("state", outcome.state());
            node.put("message", outcome.message());
        }
        root.put("succeeded", outcomes.stream().allMatch(Outcome::ok));
        return Json.write(root);
    }
}
