package ccc.targets;

import ccc.client.HttpSettings;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.KafkaConnectClient;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.secret.SecretRegistry;
import java.nio.file.Path;
import java.util.Map;

/** The one place that turns an environment of ccc.yaml into a session for its kind of remote. */
public final class Sessions {

    private Sessions() {
    }

    /** Where ccc keeps what it makes for itself (a digest key, the sandbox): .ccc beside the config root. */
    public static Path stateDirectory(ProjectConfig project) {
        Path root = project.file().toAbsolutePath().getParent();
        Path parent = root.getParent();
        return (parent == null ? root : parent).resolve(".ccc");
    }

    /**
     * @param env the process environment (credentials and endpoint overrides)
     * @param offline plan against an empty cluster, with no network at all
     */
    public static Session open(ProjectConfig project, EnvironmentConfig environment, Map<String, String> env,
                               SecretRegistry secrets, HttpSettings http, boolean offline) {
        if (offline) {
            return new OfflineSession();
        }
        Environment variables = new Environment(env);
        VaultSecrets vault = new VaultSecrets(project, environment, variables, secrets, http);
        return switch (environment.kind()) {
            case CONFLUENT_CLOUD -> new ConfluentCloudSession(project, environment, variables, vault, secrets, http);
            case KAFKA_CONNECT -> new KafkaConnectSession(project, environment, variables, vault, secrets, http);
        };
    }

    /**
     * A self-managed worker named by its URL, not by an environment of ccc.yaml: where {@code ccc
     * import} and {@code ccc migrate} read connectors from. {@code username} null: no credentials.
     */
    public static ConnectClient worker(String url, String username, String password, SecretRegistry secrets,
                                       HttpSettings http) {
        return new KafkaConnectClient(url, username, password, http, secrets);
    }
}
