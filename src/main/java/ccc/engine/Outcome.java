package ccc.engine;

import ccc.plan.ActionType;
import java.time.Duration;
import java.util.List;

/**
 * What happened to one connector during apply.
 *
 * @param elapsed from the request to the declared state (or to the failure); null when not waited for
 * @param steps what was done, step by step, where an action takes several (a move); empty otherwise
 */
public record Outcome(String connector, ActionType action, Result result, String state, String message,
                      Duration elapsed, List<String> steps) {

    public enum Result { DONE, FAILED, REJECTED, TIMED_OUT, SKIPPED }

    public Outcome {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Outcome(String connector, ActionType action, Result result, String state, String message,
                   Duration elapsed) {
        this(connector, action, result, state, message, elapsed, List.of());
    }

    public Outcome(String connector, ActionType action, Result result, String state, String message) {
        this(connector, action, result, state, message, null);
    }

    public boolean ok() {
        return result == Result.DONE;
    }
}
