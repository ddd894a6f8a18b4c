package ccc.config;

/**
 * Where {@code ccc doctor} reads an environment's topics and subjects: the cluster's Kafka REST endpoint and the
 * environment's Schema Registry, each with Vault references for its API key (the variables KAFKA_API_KEY/_SECRET
 * and SCHEMA_REGISTRY_API_KEY/_SECRET win over them). Every part may be null: a check that needs it is then
 * reported as not run.
 *
 * @param schemaRegistryClusterId the Schema Registry's id (lsrc-...), for the role bindings of subjects
 */
public record DataPlane(String kafkaRestUrl, Credentials kafkaCredentials, String schemaRegistryUrl,
                        Credentials schemaRegistryCredentials, String schemaRegistryClusterId) {

    public static final DataPlane NONE = new DataPlane(null, null, null, null, null);

    /** Vault references for an API key and its secret. */
    public record Credentials(String apiKeyReference, String apiSecretReference) {
    }
}
