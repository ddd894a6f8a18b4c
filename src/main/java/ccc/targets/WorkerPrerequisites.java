package ccc.targets;

import ccc.client.connect.ConnectClient;
import ccc.client.iam.RoleBinding;
import ccc.client.iam.ServiceAccount;
import java.util.List;
import java.util.function.Supplier;

/**
 * A self-managed Kafka Connect worker's prerequisites: its plugins and validate call, and topics and subjects
 * where ccc.yaml names a REST proxy and a Schema Registry for it. There is no Confluent Cloud IAM.
 */
final class WorkerPrerequisites extends ConnectPrerequisites {

    private static final String NO_IAM = "a self-managed Kafka Connect worker has no Confluent Cloud service accounts "
            + "or role bindings";

    WorkerPrerequisites(Supplier<ConnectClient> connect, DataPlaneAccess dataPlane) {
        super(connect, dataPlane);
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
    public List<RoleBinding> roleBindings() {
        throw new Unavailable(NO_IAM);
    }
}
