package ccc.targets;

import ccc.CccException;
import ccc.client.connect.ValidationResult;
import ccc.client.iam.RoleBinding;
import ccc.client.iam.ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ccc doctor} reads about an environment besides its connectors, from the same session (and so the
 * same endpoints and credentials) that plan and apply use. Nothing is cached here: the caller reads each list
 * once per environment. A read that cannot be made because an endpoint or a credential is not configured throws
 * {@link Unavailable}, saying what to set; a read that fails throws {@link ccc.client.ApiException}.
 */
public interface Prerequisites {

    /** A read this environment is not set up for: which setting or variable would make it possible. */
    final class Unavailable extends CccException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** False where Confluent Cloud IAM does not apply (a self-managed worker): no service accounts or role bindings. */
    boolean hasIam();

    /** Every service account of the organization. */
    List<ServiceAccount> serviceAccounts();

    /** The CRN of the environment, {@code crn://confluent.cloud/organization=.../environment=env-...}. */
    String environmentCrn();

    /** The Kafka cluster's id (lkc-...), or null where unknown. */
    String kafkaClusterId();

    /** The id of the environment's Schema Registry (lsrc-...), or null where not configured. */
    String schemaRegistryClusterId();

    /** Every role binding on the environment and on anything in it (its clusters, topics, groups, subjects). */
    List<RoleBinding> roleBindings();

    /** Every topic of the cluster the connectors run against. */
    Set<String> topics();

    /** Every subject registered in the environment's Schema Registry. */
    Set<String> subjects();

    /** The connector classes the Connect cluster offers. */
    Set<String> plugins();

    /** The plugin's validate call; the values of {@code sensitiveKeys} are registered as secrets before sending. */
    ValidationResult validate(String connectorClass, Map<String, String> config, Set<String> sensitiveKeys);
}
