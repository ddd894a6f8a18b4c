package ccc.config;

/**
 * One deployment environment (dev, cert, prod, local...) as ccc.yaml declares it.
 *
 * @param namePrefix the prefix of the connector names ccc manages in this environment: its own
 *                   {@code name_prefix}, else the global {@code managed.name_prefix} (filled in by
 *                   {@link ProjectConfig}); null only in an EnvironmentConfig made outside one
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
        String namePrefix,
        Integer sandboxKafkaPort) {

    /** An environment with no prefix of its own: {@link ProjectConfig} gives it the global one. */
    public EnvironmentConfig(String name, Target target, String environmentId, String kafkaClusterId, String connectUrl,
                             VaultSettings vault) {
        this(name, target, environmentId, kafkaClusterId, connectUrl, vault, null, null);
    }

    public EnvironmentConfig withNamePrefix(String prefix) {
        return new EnvironmentConfig(name, target, environmentId, kafkaClusterId, connectUrl, vault, prefix,
                sandboxKafkaPort);
    }

    /** A short description for headers: "env-abc123/lkc-xyz789" or the Connect URL. */
    public String describeTarget() {
        return target == Target.KAFKA_CONNECT ? connectUrl : environmentId + "/" + kafkaClusterId;
    }
}
