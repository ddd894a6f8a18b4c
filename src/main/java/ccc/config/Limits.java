package ccc.config;

/** Platform limits; ccc.yaml may raise them when the Confluent plan allows more. */
public record Limits(int maxConnectorsPerCluster, int maxTasksPerConnector) {
    public static final Limits DEFAULT = new Limits(50, 10);
}
