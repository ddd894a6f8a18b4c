package ccc.engine;

import ccc.plan.ActionType;
import java.time.Duration;

/**
 * What happened to one connector during apply.
 *
 * @param elapsed from the request to the declared state (or to the failure); null when not waited for
 */
public record Outcome(String connector, ActionType action, Result result, String state, String message,
                      Duration elapsed) {

    public enum Result { DONE, FAILED, REJECTED, TIMED_OUT, SKIPPED }

    public Outcome(String connector, ActionType action, Result result, String state, String message) {
        this(connector, action, result, state, message, null);
    }

    public boolean ok() {
        return result == Result.DONE;
    }
}
