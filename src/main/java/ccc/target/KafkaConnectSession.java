package ccc.target;

import ccc.client.HttpSettings;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.KafkaConnectClient;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A self-managed Kafka Connect worker (the local sandbox, a migration source), and the environment's Vault. */
final class KafkaConnectSession implements Session {

    private final EnvironmentConfig environment;
    private final VaultSecrets vault;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private final Path stateDirectory;
    private ConnectClient connect;
    private final DataPlaneAccess dataPlane;
    private final Object digestLock = new Object();
    private UnaryOperator<String> digest;

    KafkaConnectSession(ProjectConfig project, EnvironmentConfig environment, Environment variables,
                        VaultSecrets vault, SecretRegistry secrets, HttpSettings http) {
        this.environment = environment;
        this.vault = vault;
        this.secrets = secrets;
        this.http = http;
        this.stateDirectory = Sessions.stateDirectory(project);
        this.dataPlane = new DataPlaneAccess(environment, variables, vault, secrets, http, false);
    }

    @Override
    public String location() {
        return environment.connectUrl();
    }

    @Override
    public synchronized ConnectClient connect() {
        if (connect == null) {
            connect = new KafkaConnectClient(environment.connectUrl(), http, secrets);
        }
        return connect;
    }

    @Override
    public Map<VaultReference, String> secrets(List<VaultReference> references) {
        return vault.resolve(references);
    }

    /** A self-managed worker has no Confluent Cloud service accounts: the name is used as it is. */
    @Override
    public String serviceAccountId(String displayNameOrId) {
        return displayNameOrId;
    }

    @Override
    public Prerequisites prerequisites() {
        return new WorkerPrerequisites(this::connect, dataPlane);
    }

    @Override
    public UnaryOperator<String> digest() {
        // Its own lock: a plan reads the digest key from Vault while it lists the connectors.
        synchronized (digestLock) {
            if (digest == null) {
                byte[] key = vault.explicitDigestKey();
                if (key == null) {
                    key = GeneratedDigestKey.at(stateDirectory.resolve("digest.key"));
                }
                digest = SensitiveDigest.hmac(key);
            }
            return digest;
        }
    }

    @Override
    public boolean dropsUndefinedKeys() {
        return false;
    }

    @Override
    public boolean returnsPlainSecrets() {
        return true;
    }
}
