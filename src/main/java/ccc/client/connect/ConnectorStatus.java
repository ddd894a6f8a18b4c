package ccc.client.connect;

import ccc.plan.RunState;
import java.util.List;

/** GET /connectors/{name}/status. */
public record ConnectorStatus(String name, ConnectorState connector, List<TaskState> tasks, String type) {

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public String state() {
        return connector == null ? null : connector.state();
    }

    public RunState runState() {
        return connector == null ? RunState.UNKNOWN : connector.runState();
    }

    /** The connector, or any of its tasks, FAILED. */
    public boolean anyFailed() {
        return runState() == RunState.FAILED || tasks.stream().anyMatch(t -> t.runState() == RunState.FAILED);
    }
}
