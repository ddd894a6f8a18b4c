package ccc.plan;

import java.util.Map;

/** A connector as the cluster reports it: config as returned (secrets masked) and its state. */
public record ActualConnectorState(String name, String id, Map<String, String> config, String state) {

    public ActualConnectorState {
        config = Map.copyOf(config);
    }

    public boolean paused() {
        return "PAUSED".equalsIgnoreCase(state);
    }
}
