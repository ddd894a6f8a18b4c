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
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a plan shows a sensitive key that was added, removed or changed: never a value, always which of the three. */
class PlanReportTest {

    static final Plan PLAN = new Plan("dev", SensitiveMode.DIGEST, List.of(new Action(ActionType.UPDATE, "peve-blob-01",
            "ccloud-blob-01", List.of(Change.of("flush.size", "1000", "2000"),
            Change.sensitive("azblob.sas.token", Change.Kind.ADDED), Change.sensitive("azblob.account.key", Change.Kind.REMOVED),
            Change.sensitive("azblob.account.name")), DeclaredState.RUNNING, null)), List.of(), "fp", List.of());

    final SecretRegistry secrets = new SecretRegistry();
    final PlanReport report = new PlanReport(PLAN, "env-abc123/lkc-xyz789");

    @Test
    void textSaysAddedRemovedOrChanged() {
        String text = report.text(new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, secrets));
        assertTrue(text.contains("\n      ~ flush.size: \"1000\" -> \"2000\"\n"), text);
        assertTrue(text.contains("\n      + azblob.sas.token = (sensitive)\n"), text);
        assertTrue(text.contains("\n      - azblob.account.key = (sensitive)\n"), text);
        assertTrue(text.contains("\n      ~ azblob.account.name = (sensitive value changed)\n"), text);
    }

    @Test
    void markdownSaysAddedRemovedOrChanged() {
        String markdown = report.markdown(new Markdown(secrets));
        assertTrue(markdown.contains("\n+ azblob.sas.token = (sensitive)\n"), markdown);
        assertTrue(markdown.contains("\n- azblob.account.key = (sensitive)\n"), markdown);
        assertTrue(markdown.contains("\n! azblob.account.name (sensitive value changed)\n"), markdown);
    }

    @Test
    void jsonKeepsSensitiveTrueWithNoValuesAndSaysWhichChange() {
        JsonNode changes = report.json().path("actions").get(0).path("changes");
        assertEquals("{\"key\":\"flush.size\",\"before\":\"1000\",\"after\":\"2000\",\"sensitive\":false,"
                + "\"change\":\"changed\"}", changes.get(0).toString());
        assertEquals("{\"key\":\"azblob.sas.token\",\"sensitive\":true,\"change\":\"added\"}", changes.get(1).toString());
        assertEquals("{\"key\":\"azblob.account.key\",\"sensitive\":true,\"change\":\"removed\"}",
                changes.get(2).toString());
        assertEquals("{\"key\":\"azblob.account.name\",\"sensitive\":true,\"change\":\"changed\"}",
                changes.get(3).toString());
        for (JsonNode change : changes) {
            assertFalse(change.path("sensitive").asBoolean() && (change.has("before") || change.has("after")), change.toString());
        }
    }
}
