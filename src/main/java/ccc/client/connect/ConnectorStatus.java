package ccc.client.connect;

import java.util.List;

/** GET /connectors/{name}/status. */
public record ConnectorStatus(String name, ConnectorState connector, List<TaskState> tasks, String type) {

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public String state() {
        return connector == null ? null : connector.state();
    }
}
