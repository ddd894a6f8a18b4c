package ccc.config;

/**
 * One deployment environment (dev, cert, prod, local...) as ccc.yaml declares it.
 *
 * @param namePrefix the prefix of the connector names ccc manages in this environment: its own
 *                   {@code name_prefix}, else the global {@code managed.name_prefix} (filled in by
 *                   {@link ProjectConfig}); null only in an EnvironmentConfig made outside one
 * @param sandboxKafkaPort {@code sandbox.kafka_port}: the port of the broker that {@code ccc sandbox}
 *     starts for this environment, or null for the default
 * @param dataPlane  the Kafka REST and Schema Registry endpoints {@code ccc doctor} reads, never null
 * @param connectCredentials a secured self-managed worker's Basic credentials, or null
 */
public record EnvironmentConfig(
        String name,
        TargetKind kind,
        String environmentId,
        String kafkaClusterId,
        String connectUrl,
        VaultSettings vault,
        String namePrefix,
        Integer sandboxKafkaPort,
        DataPlane dataPlane,
        ConnectCredentials connectCredentials) {

    public EnvironmentConfig {
        dataPlane = dataPlane == null ? DataPlane.NONE : dataPlane;
    }

    /** An environment without a sandbox port or data-plane endpoints. */
    public EnvironmentConfig(String name, TargetKind kind, String environmentId, String kafkaClusterId, String connectUrl,
                             VaultSettings vault, String namePrefix) {
        this(name, kind, environmentId, kafkaClusterId, connectUrl, vault, namePrefix, null, DataPlane.NONE, null);
    }

    /** An environment with no prefix of its own: {@link ProjectConfig} gives it the global one. */
    public EnvironmentConfig(String name, TargetKind kind, String environmentId, String kafkaClusterId, String connectUrl,
                             VaultSettings vault) {
        this(name, kind, environmentId, kafkaClusterId, connectUrl, vault, null, null, DataPlane.NONE, null);
    }

    public EnvironmentConfig withNamePrefix(String prefix) {
        return new EnvironmentConfig(name, kind, environmentId, kafkaClusterId, connectUrl, vault, prefix,
                sandboxKafkaPort, dataPlane, connectCredentials);
    }

    /** Where its connectors run, for headers: "env-abc123/lkc-xyz789" or the Connect URL. */
    public String location() {
        return kind == TargetKind.KAFKA_CONNECT ? connectUrl : environmentId + "/" + kafkaClusterId;
    }
}
