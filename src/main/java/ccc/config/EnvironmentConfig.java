package ccc.config;

/**
 * One deployment environment (dev, cert, prod, local...) as ccc.yaml declares it.
 *
 * @param sandboxKafkaPort {@code sandbox.kafka_port}: the port of the broker that {@code ccc sandbox}
 *     starts for this environment, or null for the default
 */
public record EnvironmentConfig(
        String name,
        Target target,
        String environmentId,
        String kafkaClusterId,
        String connectUrl,
        VaultSettings vault,
        Integer sandboxKafkaPort) {

    public EnvironmentConfig(String name, Target target, String environmentId, String kafkaClusterId,
                             String connectUrl, VaultSettings vault) {
        this(name, target, environmentId, kafkaClusterId, connectUrl, vault, null);
    }

    /** A short description for headers: "env-abc123/lkc-xyz789" or the Connect URL. */
    public String describeTarget() {
        return target == Target.KAFKA_CONNECT ? connectUrl : environmentId + "/" + kafkaClusterId;
    }
}
