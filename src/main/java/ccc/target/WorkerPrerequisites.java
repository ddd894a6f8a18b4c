package ccc.target;

import ccc.client.connect.ConnectClient;
import ccc.client.connect.ValidationResult;
import ccc.client.iam.RoleBinding;
import ccc.client.iam.ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A self-managed Kafka Connect worker's prerequisites: its plugins and validate call, and topics and subjects
 * where ccc.yaml names a REST proxy and a Schema Registry for it. There is no Confluent Cloud IAM.
 */
final class WorkerPrerequisites implements Prerequisites {

    private static final String NO_IAM = "a self-managed Kafka Connect worker has no Confluent Cloud service accounts "
            + "or role bindings";

    private final Supplier<ConnectClient> connect;
    private final DataPlaneAccess dataPlane;

    WorkerPrerequisites(Supplier<ConnectClient> connect, DataPlaneAccess dataPlane) {
        this.connect = connect;
        this.dataPlane = dataPlane;
    }

    @Override
    public boolean hasIam() {
        return false;
    }

    @Override
    public List<ServiceAccount> serviceAccounts() {
        throw new Unavailable(NO_IAM);
    }

    @Override
    public String environmentCrn() {
        throw new Unavailable(NO_IAM);
    }

    @Override
    public String kafkaClusterId() {
        return null;
    }

    @Override
    public String schemaRegistryClusterId() {
        return dataPlane.schemaRegistryClusterId();
    }

    @Override
    public List<RoleBinding> roleBindings() {
        throw new Unavailable(NO_IAM);
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
