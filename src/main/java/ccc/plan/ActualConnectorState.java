package ccc.plan;

import java.util.Map;

/** A connector as the cluster reports it: config as returned (secrets masked) and its state. */
public record ActualConnectorState(String name, String id, Map<String, String> config, String state) {

    public ActualConnectorState {
        config = Map.copyOf(config);
    }

    public RunState runState() {
        return RunState.of(state);
    }

    public boolean paused() {
        return runState() == RunState.PAUSED;
    }

    /** Stopped on a self-managed worker (KIP-875): no tasks at all, and not running until resumed. */
    public boolean stopped() {
        return runState() == RunState.STOPPED;
    }
}
