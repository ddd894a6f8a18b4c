package ccc.targets;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.client.vault.CloudApiCredentials;
import ccc.client.vault.SecretResolver;
import ccc.client.vault.VaultClient;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.secret.SecretRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An environment's Vault, opened on first use: the connectors' secrets, and ccc's own (the Cloud
 * API key and the digest key) where ccc.yaml names them there.
 */
final class VaultSecrets {

    private final ProjectConfig project;
    private final EnvironmentConfig environment;
    private final Environment variables;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private VaultClient client;
    private SecretResolver resolver;

    VaultSecrets(ProjectConfig project, EnvironmentConfig environment, Environment variables, SecretRegistry secrets,
                 HttpSettings http) {
        this.project = project;
        this.environment = environment;
        this.variables = variables;
        this.secrets = secrets;
        this.http = http;
    }

    Map<VaultReference, String> resolve(List<VaultReference> references) {
        return resolver().resolve(references);
    }

    /** ccc.yaml's confluent.credentials, read from Vault. */
    CloudApiCredentials cloudCredentials() {
        return resolver().cloudCredentials(project.credentials());
    }

    /** An API key and its secret from Vault; {@code where} names the setting in errors (environments.dev.kafka_credentials). */
    CloudApiCredentials apiKey(String keyReference, String secretReference, String where) {
        VaultReference key = SecretResolver.parseReference(keyReference, where + ".api_key");
        VaultReference secret = SecretResolver.parseReference(secretReference, where + ".api_secret");
        Map<VaultReference, String> values = resolve(List.of(key, secret));
        return new CloudApiCredentials(values.get(key), values.get(secret));
    }

    /** One value from Vault; {@code where} names the setting in errors. */
    String value(String reference, String where) {
        return resolver().resolve(SecretResolver.parseReference(reference, where));
    }

    /** CCC_DIGEST_KEY, else ccc.yaml's sensitive.digest_key from Vault; null when neither is set. */
    byte[] explicitDigestKey() {
        String key = variables.get(Environment.DIGEST_KEY);
        if (key == null && project.digestKeyReference() != null) {
            key = resolver().resolve(SecretResolver.parseReference(project.digestKeyReference(),
                    "sensitive.digest_key in ccc.yaml"));
        }
        if (key == null) {
            return null;
        }
        secrets.register(key);
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** ccc.yaml's sensitive.digest_store for this environment, or null when it names none. */
    DigestStore digestStore() {
        return project.digestStore() == null ? null
                : new VaultDigestStore(client(), project.digestStore().replaceAll("/+$", "") + "/" + environment.name());
    }

    private synchronized SecretResolver resolver() {
        if (resolver == null) {
            resolver = new SecretResolver(client(), secrets);
        }
        return resolver;
    }

    private synchronized VaultClient client() {
        if (client == null) {
            try {
                client = new VaultClient(environment.vault(), variables.asMap(), http);
            } catch (CccException e) {
                throw new CccException(environment.name() + ": " + e.getMessage(), e);
            }
        }
        return client;
    }
}
