package ccc.client.connect;

import ccc.plan.RunState;

/** One task's status. */
public record TaskState(int id, String state, String workerId, String trace) {

    public RunState runState() {
        return RunState.of(state);
    }
}
