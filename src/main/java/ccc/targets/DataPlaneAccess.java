package ccc.targets;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.client.kafkarest.KafkaRestClient;
import ccc.client.schemaregistry.SchemaRegistryClient;
import ccc.client.vault.CloudApiCredentials;
import ccc.config.DataPlane;
import ccc.config.EnvironmentConfig;
import ccc.secret.SecretRegistry;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * An environment's Kafka REST endpoint and Schema Registry, as ccc.yaml and the variables the Terraform provider
 * reads name them (a variable wins over ccc.yaml, as CONFLUENT_CLOUD_API_URL does): opened on first use, with
 * {@link Prerequisites.Unavailable} saying what to set when something is missing.
 */
final class DataPlaneAccess {

    private final EnvironmentConfig environment;
    private final Environment variables;
    private final VaultSecrets vault;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private final boolean keysRequired;
    private KafkaRestClient kafka;
    private SchemaRegistryClient registry;

    /** @param keysRequired Confluent Cloud: no data-plane call without an API key (a local REST proxy needs none) */
    DataPlaneAccess(EnvironmentConfig environment, Environment variables, VaultSecrets vault, SecretRegistry secrets,
                    HttpSettings http, boolean keysRequired) {
        this.environment = environment;
        this.variables = variables;
        this.vault = vault;
        this.secrets = secrets;
        this.http = http;
        this.keysRequired = keysRequired;
    }

    Set<String> topics() {
        return kafka().topics();
    }

    Set<String> subjects() {
        return registry().subjects();
    }

    /** SCHEMA_REGISTRY_ID, else ccc.yaml's schema_registry_cluster_id; null when neither is set. */
    String schemaRegistryClusterId() {
        String id = variables.get(Environment.SCHEMA_REGISTRY_ID);
        return id != null ? id : environment.dataPlane().schemaRegistryClusterId();
    }

    private synchronized KafkaRestClient kafka() {
        if (kafka == null) {
            DataPlane configured = environment.dataPlane();
            String url = endpoint(Environment.KAFKA_REST_ENDPOINT, configured.kafkaRestUrl(), "kafka_rest_url",
                    "the cluster's REST endpoint, e.g. https://pkc-xxxxx.westeurope.azure.confluent.cloud:443", "topics");
            CloudApiCredentials key = apiKey(Environment.KAFKA_API_KEY, Environment.KAFKA_API_SECRET,
                    configured.kafkaCredentials(), "kafka_credentials", "a Kafka API key of the cluster", "topics");
            kafka = new KafkaRestClient(url, environment.kafkaClusterId(), keyOf(key), secretOf(key), http, secrets);
        }
        return kafka;
    }

    private synchronized SchemaRegistryClient registry() {
        if (registry == null) {
            DataPlane configured = environment.dataPlane();
            String url = endpoint(Environment.SCHEMA_REGISTRY_REST_ENDPOINT, configured.schemaRegistryUrl(),
                    "schema_registry_url", "the environment's Schema Registry, e.g. "
                            + "https://psrc-xxxxx.westeurope.azure.confluent.cloud", "subjects");
            CloudApiCredentials key = apiKey(Environment.SCHEMA_REGISTRY_API_KEY, Environment.SCHEMA_REGISTRY_API_SECRET,
                    configured.schemaRegistryCredentials(), "schema_registry_credentials", "a Schema Registry API key",
                    "subjects");
            registry = new SchemaRegistryClient(url, keyOf(key), secretOf(key), http, secrets);
        }
        return registry;
    }

    private static String keyOf(CloudApiCredentials key) {
        return key == null ? null : key.apiKey();
    }

    private static String secretOf(CloudApiCredentials key) {
        return key == null ? null : key.apiSecret();
    }

    private String endpoint(String variable, String configured, String key, String example, String what) {
        String url = variables.get(variable);
        if (url == null) {
            url = configured;
        } else if (HttpUrl.parse(url) == null) {
            throw new CccException(variable + "='" + url + "' is not an http(s) URL; unset it, or give " + example + ".");
        }
        if (url == null) {
            throw new Prerequisites.Unavailable("no " + key + " for " + environment.name() + ", so its " + what
                    + " cannot be read: set environments." + environment.name() + "." + key + " in ccc.yaml (" + example
                    + ") or " + variable);
        }
        return url.replaceAll("/+$", "");
    }

    /** The key pair from the variables, else from Vault as ccc.yaml names it; null where none is needed or given. */
    private CloudApiCredentials apiKey(String keyVariable, String secretVariable, DataPlane.Credentials references,
                                       String setting, String what, String reading) {
        String key = variables.get(keyVariable);
        String secret = variables.get(secretVariable);
        if (key != null && secret != null) {
            secrets.register(secret);
            return new CloudApiCredentials(key, secret);
        }
        String where = "environments." + environment.name() + "." + setting;
        if (key == null && secret == null && references != null) {
            return vault.apiKey(references.apiKeyReference(), references.apiSecretReference(), where);
        }
        if (key == null && secret == null && !keysRequired) {
            return null;
        }
        String missing = key == null && secret == null ? keyVariable + " and " + secretVariable
                : key == null ? keyVariable : secretVariable;
        throw new Prerequisites.Unavailable("no " + what + " for " + environment.name() + ", so its " + reading
                + " cannot be read: " + missing + (key == null && secret == null ? " are" : " is") + " not set; set "
                + keyVariable + " and " + secretVariable + ", or name them in ccc.yaml under " + where
                + " as Vault references");
    }
}
