package ccc.output;

/**
 * A plan as a pull-request comment: one per environment, found again on every push by the hidden
 * marker on its first line ({@code <!-- ccc-plan:dev -->}) and updated in place. GitHub refuses a
 * comment past 65,536 characters, so a longer plan is cut cleanly (the summary, refusals and notes
 * first, then a row per connector, then the changed keys) and ends with a pointer to the full plan.
 */
public final class PlanComment {

    /** GitHub's limit is 65,536 characters; the default leaves room for what a workflow may add. */
    public static final int DEFAULT_MAX_LENGTH = 65_000;
    /** Shorter than this, not even the summary and the pointer fit. */
    public static final int MIN_MAX_LENGTH = 1_000;

    private PlanComment() {
    }

    /** The hidden line that identifies an environment's plan comment. */
    public static String marker(String environment) {
        return "<!-- ccc-plan:" + markerName(environment) + " -->";
    }

    /**
     * The comment: marker, the plan's markdown (cut to fit {@code maxLength}), and a footer naming
     * the run that made it.
     *
     * @param fullPlanUrl where the full plan is kept (a workflow run and its artifacts), or null
     * @param runUrl the workflow run that made the plan, or null outside GitHub Actions
     */
    public static String of(PlanReport report, Markdown md, int maxLength, String fullPlanUrl, String runUrl) {
        String environment = report.plan().environment();
        String head = marker(environment) + "\n";
        String foot = footer(environment, runUrl, md);
        String pointer = fullPlanUrl == null
                ? "run `ccc plan --env " + md.plain(environment) + " --output markdown` to see it."
                : "it is kept with [this workflow run](" + Markdown.url(fullPlanUrl) + ").";
        String note = "\n> [!WARNING]\n> **This plan is longer than a pull-request comment can hold, so it is cut here.**"
                + " The full plan: " + pointer + "\n";
        CappedMarkdown body = new CappedMarkdown((long) maxLength - head.length() - foot.length(), note);
        report.markdown(md, body);
        return head + body.result() + foot;
    }

    /** The comment that replaces the last plan when this push's plan could not be made at all. */
    public static String failed(String environment, String message, Markdown md, String runUrl) {
        String text = md.plain(message);
        if (text.length() > 4_000) {
            text = text.substring(0, 4_000) + " ...";
        }
        return marker(environment) + "\n### ccc plan: " + md.code(environment) + " failed\n\n"
                + "No plan could be made for this push, so none is shown:\n\n"
                + Markdown.fenced("", "error: " + text)
                + "\nThe job log and the annotations on the changed files say more."
                + " The plan comes back here once it can be made.\n" + footer(environment, runUrl, md);
    }

    /** The run that made the comment, from GitHub's own variables; null outside Actions. */
    public static String runUrl(String serverUrl, String repository, String runId) {
        if (serverUrl == null || repository == null || runId == null) {
            return null;
        }
        return serverUrl + "/" + repository + "/actions/runs/" + runId;
    }

    private static String footer(String environment, String runUrl, Markdown md) {
        return "\n<sub>ccc plan for " + md.code(environment)
                + (runUrl == null ? "" : ", made by " + md.runLink(runUrl)) + "; this comment is updated on every push.</sub>\n";
    }

    /** An environment name as it can stand in an HTML comment. */
    private static String markerName(String environment) {
        return environment.replace("-->", "").replace("--", "-");
    }
}
