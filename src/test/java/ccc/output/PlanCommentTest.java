package ccc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.DeclaredState;
import ccc.config.SensitiveMode;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Change;
import ccc.plan.Plan;
import ccc.plan.RuleId;
import ccc.secret.SecretRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pull-request comment: marker, the plan, and a clean cut past GitHub's limit. */
class PlanCommentTest {

    static final String RUN = "https://github.com/bank/peve-connectors/actions/runs/4242";
    final Markdown md = new Markdown(new SecretRegistry());

    /** {@code connectors} creates of {@code keys} keys each, a refusal, and one update. */
    static Plan bigPlan(int connectors, int keys) {
        List<Action> actions = new ArrayList<>();
        for (int c = 0; c < connectors; c++) {
            List<Change> changes = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                changes.add(Change.of("key.number." + k, null, "value-" + c + "-" + k + " ```` with backticks"));
            }
            changes.add(Change.sensitive("azblob.account.key", Change.Kind.ADDED));
            actions.add(new Action(ActionType.CREATE, "peve-sink-" + c, "ccloud-sink-" + c, changes,
                    DeclaredState.RUNNING, null));
        }
        actions.add(new Action(ActionType.UPDATE, "peve-blob-01", "ccloud-blob-01",
                List.of(Change.of("flush.size", "1000", "2000")), DeclaredState.RUNNING, null));
        return new Plan("dev", SensitiveMode.DIGEST, actions,
                List.of(RuleId.RENAME.refuse("peve-sink-0", "peve-sink-0 would take over the data of peve-old-0")),
                "fp", List.of());
    }

    static PlanReport report(Plan plan) {
        return new PlanReport(plan, "env-abc123/lkc-xyz789 at https://api.confluent.cloud");
    }

    @Test
    void aPlanThatFitsIsTheWholeMarkdownBetweenTheMarkerAndTheFooter() {
        PlanReport report = report(bigPlan(2, 3));
        String comment = PlanComment.of(report, md, PlanComment.DEFAULT_MAX_LENGTH, RUN, RUN);
        assertEquals("<!-- ccc-plan:dev -->\n" + report.markdown(md) + "\n<sub>ccc plan for `dev`, made by "
                + "[workflow run 4242](" + RUN + "); this comment is updated on every push.</sub>\n", comment);
        assertFalse(comment.contains("cut here"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 1_500, 4_000, 9_999, 30_000, 65_000})
    void aLongPlanIsCutToTheLimitWithEveryBlockClosedAndAPointerToTheFullPlan(int limit) {
        PlanReport report = report(bigPlan(300, 30));
        String full = report.markdown(md);
        assertTrue(full.length() > 65_536, "the fixture is past GitHub's limit: " + full.length());
        String comment = PlanComment.of(report, md, limit, RUN, RUN);

        assertTrue(comment.length() <= limit, comment.length() + " > " + limit);
        // Past the table, the cut falls between two connectors' blocks of changed keys (about 1,500 characters each
        // here): at most one of them is left out for want of room.
        int block = full.substring(full.indexOf("+ peve-sink-1\n"), full.indexOf("+ peve-sink-2\n")).length();
        assertTrue(comment.length() > limit - 700 - block, "the room is used: " + comment.length() + " of " + limit);
        assertTrue(comment.startsWith("<!-- ccc-plan:dev -->\n### ccc plan: `dev`"), comment);
        assertTrue(comment.contains("**Plan REFUSED (1 safety rule): 300 to create, 1 to update"),
                "the summary always survives");
        assertTrue(comment.contains("> **This plan is longer than a pull-request comment can hold, so it is cut here.**"
                + " The full plan: it is kept with [this workflow run](" + RUN + ")."), comment);
        assertTrue(comment.endsWith("this comment is updated on every push.</sub>\n"));
        assertEquals(count(comment, "<details>"), count(comment, "</details>"), "every details element is closed");
        Matcher fences = Pattern.compile("(?m)^(`{3,})").matcher(comment);
        int fenceLines = 0;
        while (fences.find()) {
            fenceLines++;
        }
        assertEquals(0, fenceLines % 2, "every fenced block is closed:\n" + comment);
        for (String line : comment.split("\n")) {
            assertTrue(!line.startsWith("|") || line.endsWith("|"), "no table row is cut in half: " + line);
        }
        assertTrue(full.startsWith(comment.substring("<!-- ccc-plan:dev -->\n".length(),
                comment.indexOf("|---|") + 1)), "what is shown is the plan's own beginning");
    }

    @Test
    void withoutARunThePointerSaysHowToSeeTheWholePlan() {
        String comment = PlanComment.of(report(bigPlan(300, 30)), md, 5_000, null, null);
        assertTrue(comment.contains("The full plan: run `ccc plan --env dev --output markdown` to see it."), comment);
        assertTrue(comment.endsWith("<sub>ccc plan for `dev`; this comment is updated on every push.</sub>\n"), comment);
    }

    @Test
    void aFailedPlanReplacesTheLastOneSayingWhyWithoutItsSecrets() {
        SecretRegistry secrets = new SecretRegistry();
        secrets.register("hunter2-secret");
        String comment = PlanComment.failed("dev", "Vault denied reading secret/peve/blob (hunter2-secret)\n```\n<!--",
                new Markdown(secrets), RUN);
        assertTrue(comment.startsWith("<!-- ccc-plan:dev -->\n### ccc plan: `dev` failed\n"), comment);
        assertFalse(comment.contains("hunter2"), comment);
        assertTrue(comment.contains("error: Vault denied reading secret/peve/blob (********)\\n```\\n<!--\n````\n"), comment);
    }

    @Test
    void theMarkerCannotBeClosedByTheEnvironmentName() {
        assertEquals("<!-- ccc-plan:dev -->", PlanComment.marker("dev"));
        assertFalse(PlanComment.marker("a-->b").substring(4).contains("--") && !PlanComment.marker("a-->b")
                .endsWith(" -->"));
        assertEquals("<!-- ccc-plan:ab -->", PlanComment.marker("a-->b"));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
