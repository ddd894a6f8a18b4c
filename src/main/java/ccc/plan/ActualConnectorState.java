package ccc.plan;

import java.util.Map;

/**
 * A connector as the cluster reports it: config as returned (secrets masked) and its state.
 *
 * @param problem why it is unhealthy (FAILED, a FAILED or STOPPED task), or null when it is not
 */
public record ActualConnectorState(String name, String id, Map<String, String> config, String state, String problem) {

    public ActualConnectorState {
        config = Map.copyOf(config);
    }

    /** A connector whose health is not known or does not matter. */
    public ActualConnectorState(String name, String id, Map<String, String> config, String state) {
        this(name, id, config, state, null);
    }

    public ActualConnectorState withConfig(Map<String, String> replaced) {
        return new ActualConnectorState(name, id, replaced, state, problem);
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
