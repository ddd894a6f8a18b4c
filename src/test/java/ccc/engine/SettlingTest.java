package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.connect.ConnectorState;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.TaskState;
import ccc.config.DeclaredState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a change is judged by the states that follow it (the clock is passed in: no sleeping). */
class SettlingTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static ConnectorStatus status(String state, String trace, String taskState, String taskTrace) {
        return new ConnectorStatus("c", new ConnectorState(state, "w", trace),
                List.of(new TaskState(0, taskState, "w", taskTrace)), "sink");
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void anUpdateThatBreaksATaskAfterShowingRunningIsAFailure() {
        Settling update = new Settling("c", DeclaredState.RUNNING, status("RUNNING", null, "RUNNING", null),
                Map.of("file", "/new"), SETTLE, T0);
        assertNull(update.observe(status("RUNNING", null, "RUNNING", null), Map.of("file", "/old"), at(1)),
                "the config read back is still the previous one: nothing is judged yet");
        assertNull(update.observe(status("RUNNING", null, "RUNNING", null), Map.of("file", "/new"), at(2)),
                "RUNNING right after the write is not yet success");
        StateWaiter.Result broken = update.observe(status("RUNNING", null, "FAILED", "java.io.IOException: no dir"),
                Map.of("file", "/new"), at(4));
        assertEquals(Outcome.Result.FAILED, broken.result());
        assertTrue(broken.message().contains("task 0 FAILED: java.io.IOException: no dir"), broken.message());
    }

    @Test
    void theUpdateThatFixesAFailedTaskIsNotJudgedByTheFailureItFixes() {
        ConnectorStatus failed = status("RUNNING", null, "FAILED", "java.io.IOException: no dir");
        Settling fix = new Settling("c", DeclaredState.RUNNING, failed, Map.of("file", "/good"), SETTLE, T0);
        assertNull(fix.observe(failed, Map.of("file", "/good"), at(1)), "the old failure, same trace: not believed");
        assertNull(fix.observe(status("RUNNING", null, "RUNNING", null), Map.of("file", "/good"), at(2)));
        assertNull(fix.observe(status("RUNNING", null, "RUNNING", null), Map.of("file", "/good"), at(4)),
                "held for 2 s of a 5 s window");
        StateWaiter.Result done = fix.observe(status("RUNNING", null, "RUNNING", null), Map.of("file", "/good"), at(7));
        assertEquals(Outcome.Result.DONE, done.result());
    }

    @Test
    void aFailureThatOutlivesTheSettleWindowIsBelievedEvenWithTheSameTrace() {
        ConnectorStatus failed = status("RUNNING", null, "FAILED", "java.io.IOException: no dir");
        Settling fix = new Settling("c", DeclaredState.RUNNING, failed, Map.of("file", "/still-bad"), SETTLE, T0);
        assertNull(fix.observe(failed, Map.of("file", "/still-bad"), at(1)));
        assertEquals(Outcome.Result.FAILED, fix.observe(failed, Map.of("file", "/still-bad"), at(7)).result());
    }

    @Test
    void aRejectedUpdateSaysWhyFromValidationErrors() {
        Settling update = new Settling("c", DeclaredState.RUNNING, status("RUNNING", null, "RUNNING", null),
                null, SETTLE, T0);
        ConnectorStatus rejected = new ConnectorStatus("c", new ConnectorState("FAILED", "w",
                "Unable to validate configuration. If an update was made to the configuration, this means that the "
                        + "configuration was invalid, and the connector continues to operate on a previous configuration "
                        + "that passed validation. Errors:\nflush.size: must be at least 1000"),
                List.of(), "sink", List.of("\"flush.size\" must be at least 1000"));
        StateWaiter.Result result = update.observe(rejected, null, at(1));
        assertEquals(Outcome.Result.REJECTED, result.result());
        assertTrue(result.message().contains("keeps running its previous config: \"flush.size\" must be at least 1000"),
                result.message());
    }

    @Test
    void aRunningConnectorWithAStoppedTaskIsNamedAsSuch() {
        assertEquals("RUNNING, but task 0 is STOPPED", PlanBuilder.problemOf(status("RUNNING", null, "STOPPED", null)));
        assertEquals("FAILED: boom", PlanBuilder.problemOf(status("FAILED", "boom\n\tat x", "FAILED", null)));
        assertNull(PlanBuilder.problemOf(status("PAUSED", null, "PAUSED", null)));
    }
}
