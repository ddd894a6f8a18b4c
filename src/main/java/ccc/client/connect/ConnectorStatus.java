package ccc.client.connect;

import ccc.plan.RunState;
import java.util.List;

/**
 * GET /connectors/{name}/status.
 *
 * @param validationErrors Confluent Cloud's {@code validation_errors} and {@code errors_from_trace}:
 *     the real reasons a config update was rejected (empty elsewhere)
 */
public record ConnectorStatus(String name, ConnectorState connector, List<TaskState> tasks, String type,
                              List<String> validationErrors) {

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    public ConnectorStatus(String name, ConnectorState connector, List<TaskState> tasks, String type) {
        this(name, connector, tasks, type, List.of());
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
