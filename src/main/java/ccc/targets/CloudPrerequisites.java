package ccc.targets;

import ccc.client.connect.ConnectClient;
import ccc.client.iam.IamClient;
import ccc.client.iam.RoleBinding;
import ccc.client.iam.ServiceAccount;
import ccc.config.EnvironmentConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Confluent Cloud environment's prerequisites: IAM and Connect with the session's Cloud API key, topics and
 * subjects with the data-plane keys. Role bindings are those of the environment's CRN and everything below it
 * ({@code crn_pattern=<environment CRN>/*}, as {@code confluent iam rbac role-binding list --inclusive} asks).
 */
final class CloudPrerequisites extends ConnectPrerequisites {

    private final EnvironmentConfig environment;
    private final Supplier<IamClient> iam;
    private String environmentCrn;

    CloudPrerequisites(EnvironmentConfig environment, Supplier<IamClient> iam, Supplier<ConnectClient> connect,
                       DataPlaneAccess dataPlane) {
        super(connect, dataPlane);
        this.environment = environment;
        this.iam = iam;
    }

    @Override
    public boolean hasIam() {
        return true;
    }

    @Override
    public List<ServiceAccount> serviceAccounts() {
        return iam.get().serviceAccounts();
    }

    @Override
    public synchronized String environmentCrn() {
        if (environmentCrn == null) {
            environmentCrn = iam.get().environmentCrn(environment.environmentId());
        }
        return environmentCrn;
    }

    @Override
    public String kafkaClusterId() {
        return environment.kafkaClusterId();
    }

    @Override
    public List<RoleBinding> roleBindings() {
        return iam.get().roleBindings(environmentCrn() + "/*");
    }
}
