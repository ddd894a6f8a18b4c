package ccc.config;

/** One deployment environment (dev, cert, prod, local...) as ccc.yaml declares it. */
public record EnvironmentConfig(
        String name,
        Target target,
        String environmentId,
        String kafkaClusterId,
        String connectUrl,
        VaultSettings vault) {

    /** A short description for headers: "env-abc123/lkc-xyz789" or the Connect URL. */
    public String describeTarget() {
        return target == Target.KAFKA_CONNECT ? connectUrl : environmentId + "/" + kafkaClusterId;
    }
}
