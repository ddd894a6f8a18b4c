package ccc.client.connect;

import ccc.plan.RunState;

/** A connector's or task's status as the Connect API reports it. */
public record ConnectorState(String state, String workerId, String trace) {

    public boolean is(RunState expected) {
        return runState() == expected;
    }

    public RunState runState() {
        return RunState.of(state);
    }
}
