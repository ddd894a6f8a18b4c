package ccc.output;

import ccc.engine.HealthCheck;
import ccc.plan.Action;
import ccc.plan.Change;
import ccc.plan.Refusal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of {@code ccc alert}: one environment's health and drift, as the GitHub issue that
 * stays open while something is wrong (title, and markdown body marked {@code <!-- ccc-alert:ENV -->}),
 * the comment that closes it, and a chat message (Slack- and Teams-compatible {@code {"text": …}}).
 *
 * @param checkedAt when the check ran
 * @param runUrl the workflow run that made the check, or null
 * @param previousBody the body of the issue still open for the environment, or null when there is none
 */
public record AlertReport(HealthCheck.Result result, Instant checkedAt, String runUrl, String previousBody)
        implements Report {

    private static final Pattern STATE = Pattern.compile("<!-- ccc-alert-state:([0-9a-f]+) -->");
    private static final int LISTED = 5;

    /** The hidden line that identifies an environment's alert issue. */
    public static String marker(String environment) {
        return "<!-- ccc-alert:" + environment.replace("--", "-").replace(">", "") + " -->";
    }

    public boolean healthy() {
        return result.healthy();
    }

    /**
     * Whether to tell someone (the webhook): something is wrong that the open issue did not already
     * say (a first alert, or a new or different finding), or the issue can be closed.
     */
    public boolean worthTelling() {
        if (healthy()) {
            return previousBody != null;
        }
        Matcher previous = STATE.matcher(previousBody == null ? "" : previousBody);
        return !(previous.find() && previous.group(1).equals(result.state()));
    }

    public String title() {
        String environment = result.environment();
        if (healthy()) {
            return "ccc: " + environment + " is healthy";
        }
        List<String> parts = new ArrayList<>();
        if (result.error() != null) {
            parts.add("the check failed");
        }
        count(parts, result.unhealthy().size(), "connector not running", "connectors not running");
        count(parts, result.missing().size(), "connector missing", "connectors missing");
        count(parts, result.drifted().size(), "connector drifted", "connectors drifted");
        count(parts, result.refusals().size(), "refused change", "refused changes");
        if (result.driftError() != null) {
            parts.add("drift check failed");
        }
        return "ccc: " + environment + " needs attention: " + String.join(", ", parts);
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder(console.value(title())).append('\n');
        for (HealthCheck.Unhealthy unhealthy : result.unhealthy()) {
            out.append("  ").append(console.style(Console.Style.RED, "x ")).append(console.value(unhealthy.connector()))
                    .append(": ").append(console.value(unhealthy.problem())).append('\n');
        }
        result.missing().forEach(name -> out.append("  - ").append(console.value(name))
                .append(": declared in the repository, not in the cluster\n"));
        for (Action action : result.drifted()) {
            out.append("  ").append(action.type().symbol()).append(' ').append(console.value(action.connector()))
                    .append(": ").append(action.type().id()).append(keys(action).isEmpty() ? "" : " " + console.value(keys(action)))
                    .append('\n');
        }
        result.refusals().forEach(r -> out.append("  refused: ").append(console.value(r.message())).append('\n'));
        if (result.error() != null) {
            out.append("  check failed: ").append(console.value(result.error())).append('\n');
        }
        if (result.driftError() != null) {
            out.append("  drift check failed: ").append(console.value(result.driftError())).append('\n');
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(result.environment());
        root.put("healthy", healthy());
        root.put("title", title());
        root.put("state", result.state());
        root.put("notify", worthTelling());
        root.put("checked_at", checkedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("location", result.location());
        ArrayNode unhealthy = root.putArray("unhealthy");
        for (HealthCheck.Unhealthy connector : result.unhealthy()) {
            unhealthy.addObject().put("connector", connector.connector()).put("id", connector.id())
                    .put("problem", connector.problem());
        }
        ArrayNode missing = root.putArray("missing");
        result.missing().forEach(missing::add);
        ObjectNode drift = root.putObject("drift");
        drift.put("checked", result.drift() != null);
        drift.put("error", result.driftError());
        ArrayNode actions = drift.putArray("actions");
        for (Action action : result.drifted()) {
            ArrayNode keys = actions.addObject().put("connector", action.connector()).put("action", action.type().id())
                    .putArray("keys");
            action.changes().forEach(change -> keys.add(change.key()));
        }
        ArrayNode refusals = drift.putArray("refusals");
        for (Refusal refusal : result.refusals()) {
            refusals.addObject().put("connector", refusal.connector()).put("rule", refusal.ruleId())
                    .put("message", refusal.message());
        }
        root.put("error", result.error());
        return root;
    }

    /** The issue body while something is wrong; once healthy, the comment that closes the issue. */
    @Override
    public String markdown(Markdown md) {
        String environment = md.code(result.environment());
        String checked = "Checked at " + checkedAt.truncatedTo(ChronoUnit.SECONDS)
                + (runUrl == null ? "" : " by " + md.runLink(runUrl))
                + (result.location() == null ? "" : " against " + md.cell(result.location())) + ".";
        if (healthy()) {
            return "### :white_check_mark: ccc: " + environment + " is healthy again\n\n" + checked
                    + " Every managed connector runs and the cluster matches the repository, so this issue is closed.\n";
        }
        StringBuilder out = new StringBuilder(marker(result.environment())).append('\n')
                .append("<!-- ccc-alert-state:").append(result.state()).append(" -->\n")
                .append("### :rotating_light: ccc: ").append(environment).append(" needs attention\n\n")
                .append(checked).append("\n\n");
        if (result.error() != null) {
            out.append("#### The check failed\n\nThe cluster could not be read, so nothing about it is known:\n\n")
                    .append(Markdown.fenced("", "error: " + md.plain(result.error())))
                    .append("\nCheck the credentials (an expired or rotated API key, Vault) and the endpoints.\n\n");
        }
        if (!result.unhealthy().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            result.unhealthy().forEach(u -> rows.add(List.of(md.code(u.connector()), md.code(u.id()), md.cell(u.problem()))));
            out.append("#### Connectors not running\n\n").append(Markdown.table(List.of("connector", "id", "problem"), rows))
                    .append("\nWhole traces: `ccc status --env ").append(md.plain(result.environment()))
                    .append(" --trace`. Once the cause is fixed: `ccc restart --env ").append(md.plain(result.environment()))
                    .append(" NAME --failed-only`.\n\n");
        }
        if (!result.missing().isEmpty()) {
            out.append("#### Declared in the repository, missing from the cluster\n\n");
            result.missing().forEach(name -> out.append("- ").append(md.code(name)).append('\n'));
            out.append('\n');
        }
        if (!result.drifted().isEmpty() || !result.refusals().isEmpty()) {
            out.append("#### The cluster drifted from the repository\n\n**")
                    .append(PlanReport.summaryLine(result.drift())).append("**\n\n");
            List<List<String>> rows = new ArrayList<>();
            result.drifted().forEach(a -> rows.add(List.of(a.type().id(), md.code(a.connector()), md.cell(keys(a)))));
            if (!rows.isEmpty()) {
                out.append(Markdown.table(List.of("action", "connector", "changed keys"), rows)).append('\n');
            }
            result.refusals().forEach(r -> out.append("- refused (").append(r.ruleId()).append("): ")
                    .append(md.cell(r.message())).append('\n'));
            out.append("`ccc plan --env ").append(md.plain(result.environment())).append("` shows every value. A change")
                    .append(" made in the cluster on purpose belongs in the repository; otherwise the next reviewed")
                    .append(" `ccc apply` puts the cluster back.\n\n");
        }
        if (result.driftError() != null) {
            out.append("#### The drift check failed\n\n").append(Markdown.fenced("", "error: " + md.plain(result.driftError())))
                    .append('\n');
        }
        return out.append("---\n<sub>Opened and updated by the scheduled ccc check; closed by the first check that finds ")
                .append(environment).append(" healthy.</sub>\n").toString();
    }

    /** A chat message: {"text": …}, which Slack and Teams incoming webhooks both accept. */
    public ObjectNode webhook() {
        StringBuilder text = new StringBuilder();
        if (healthy()) {
            text.append("✅ ").append(title()).append(" again.");
        } else {
            text.append("🚨 ").append(title()).append('.');
            List<String> named = new ArrayList<>();
            result.unhealthy().forEach(u -> named.add(u.connector() + " " + u.state()));
            result.missing().forEach(name -> named.add(name + " missing"));
            result.drifted().forEach(a -> named.add(a.connector() + " " + a.type().id()));
            if (!named.isEmpty()) {
                text.append(' ').append(String.join(", ", named.subList(0, Math.min(LISTED, named.size()))))
                        .append(named.size() > LISTED ? " and " + (named.size() - LISTED) + " more." : ".");
            }
        }
        if (runUrl != null) {
            text.append(' ').append(runUrl);
        }
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("text", text.toString());
        return payload;
    }

    private static String keys(Action action) {
        return String.join(", ", action.changes().stream().map(Change::key).toList());
    }

    private static void count(List<String> parts, int n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }
}
