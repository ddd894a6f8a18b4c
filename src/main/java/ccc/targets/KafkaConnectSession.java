package ccc.targets;

import ccc.client.HttpSettings;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.KafkaConnectClient;
import ccc.config.ConnectCredentials;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A self-managed Kafka Connect worker (the local sandbox, a migration source), and the environment's Vault. */
final class KafkaConnectSession implements Session {

    private final EnvironmentConfig environment;
    private final Environment variables;
    private final VaultSecrets vault;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private final Path stateDirectory;
    private ConnectClient connect;
    private final DataPlaneAccess dataPlane;
    private final Object digestLock = new Object();
    private UnaryOperator<String> digest;
    private static final Duration DEFAULT_STATE_TIMEOUT = Duration.ofSeconds(60);

    KafkaConnectSession(ProjectConfig project, EnvironmentConfig environment, Environment variables,
                        VaultSecrets vault, SecretRegistry secrets, HttpSettings http) {
        this.environment = environment;
        this.variables = variables;
        this.vault = vault;
        this.secrets = secrets;
        this.http = http;
        this.stateDirectory = Sessions.stateDirectory(project);
        this.dataPlane = new DataPlaneAccess(environment, variables, vault, secrets, http, false);
    }

    /** CCC_CONNECT_URL_&lt;ENV&gt; wins over connect_url: for a port-forward, a proxy, a test worker. */
    @Override
    public String location() {
        String override = variables.get(variable("URL"));
        return override == null ? environment.connectUrl() : override.replaceAll("/+$", "");
    }

    @Override
    public synchronized ConnectClient connect() {
        if (connect == null) {
            String url = location();
            String username = variables.get(variable("USERNAME"));
            String password = variables.get(variable("PASSWORD"));
            ConnectCredentials configured = environment.connectCredentials();
            if (username == null && configured != null) {
                username = configured.username();
            }
            if (password == null && configured != null) {
                password = vault.value(configured.passwordReference(),
                        "environments." + environment.name() + ".connect_credentials.password");
            }
            secrets.register(password);
            String where = url.equals(environment.connectUrl())
                    ? "connect_url of environment '" + environment.name() + "' in ccc.yaml"
                    : variable("URL") + " (it overrides connect_url of environment '" + environment.name() + "')";
            connect = new KafkaConnectClient(url, username, password, http, secrets, DEFAULT_STATE_TIMEOUT,
                    "Is the Kafka Connect worker at " + url + " running? It is " + where
                            + (url.contains("localhost") || url.contains("127.0.0.1")
                            ? "; for the local sandbox: ccc sandbox up." : "."));
        }
        return connect;
    }

    /** CCC_CONNECT_&lt;WHAT&gt;_&lt;ENV&gt;, the environment's name in capitals. */
    private String variable(String what) {
        return "CCC_CONNECT_" + what + "_" + environment.name().toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "_");
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
