package ccc.engine;

import ccc.plan.ActionType;

/** What happened to one connector during apply. */
public record Outcome(String connector, ActionType action, Result result, String state, String message) {

    public enum Result { DONE, FAILED, REJECTED, TIMED_OUT, SKIPPED }

    public boolean ok() {
        return result == Result.DONE;
    }
}
