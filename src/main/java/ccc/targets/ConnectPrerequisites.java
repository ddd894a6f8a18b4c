package ccc.targets;

import ccc.client.connect.ConnectClient;
import ccc.client.connect.ValidationResult;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** What every kind of Connect target answers alike: its plugins and validate call, and the data plane's lists. */
abstract class ConnectPrerequisites implements Prerequisites {

    private final Supplier<ConnectClient> connect;
    private final DataPlaneAccess dataPlane;

    ConnectPrerequisites(Supplier<ConnectClient> connect, DataPlaneAccess dataPlane) {
        this.connect = connect;
        this.dataPlane = dataPlane;
    }

    @Override
    public String schemaRegistryClusterId() {
        return dataPlane.schemaRegistryClusterId();
    }

    @Override
    public Set<String> topics() {
        return dataPlane.topics();
    }

    @Override
    public Set<String> subjects() {
        return dataPlane.subjects();
    }

    @Override
    public Set<String> plugins() {
        return connect.get().plugins();
    }

    @Override
    public ValidationResult validate(String connectorClass, Map<String, String> config, Set<String> sensitiveKeys) {
        return connect.get().validate(connectorClass, config, sensitiveKeys);
    }
}
