package ccc.target;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.client.connect.ConfluentCloudConnectClient;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.KafkaConnectClient;
import ccc.client.iam.IamClient;
import ccc.client.vault.CloudApiCredentials;
import ccc.client.vault.SecretResolver;
import ccc.client.vault.VaultClient;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.Target;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real remotes of one environment, each opened on first use: Confluent Cloud (or a
 * self-managed Connect worker), its IAM API, and Vault.
 */
public final class RemoteSession implements Session {

    public static final String API_KEY = "CONFLUENT_CLOUD_API_KEY";
    public static final String API_SECRET = "CONFLUENT_CLOUD_API_SECRET";
    public static final String API_URL = "CONFLUENT_CLOUD_API_URL";
    public static final String DIGEST_KEY = "CCC_DIGEST_KEY";

    private final ProjectConfig project;
    private final EnvironmentConfig environment;
    private final Map<String, String> env;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private ConnectClient connect;
    private CloudApiCredentials credentials;
    private UnaryOperator<String> digest;
    private IamClient iam;
    private SecretResolver vault;

    public RemoteSession(ProjectConfig project, EnvironmentConfig environment, Map<String, String> env,
                        SecretRegistry secrets, HttpSettings http) {
        this.project = project;
        this.environment = environment;
        this.env = env;
        this.secrets = secrets;
        this.http = http;
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    String apiUrl() {
        String url = env(API_URL);
        if (url == null) {
            return project.apiUrl();
        }
        if (okhttp3.HttpUrl.parse(url) == null) {
            throw new CccException(API_URL + "='" + url + "' is not an http(s) URL; unset it to use "
                    + project.apiUrl() + ", or give e.g. https://api.confluent.cloud.");
        }
        return url.replaceAll("/+$", "");
    }

    @Override
    public String target() {
        return environment.target() == Target.KAFKA_CONNECT ? environment.connectUrl()
                : environment.describeTarget() + " at " + apiUrl();
    }

    @Override
    public synchronized ConnectClient connect() {
        if (connect == null) {
            if (environment.target() == Target.KAFKA_CONNECT) {
                connect = new KafkaConnectClient(environment.connectUrl(), http, secrets);
            } else {
                CloudApiCredentials cloud = credentials();
                connect = new ConfluentCloudConnectClient(apiUrl(), environment.environmentId(),
                        environment.kafkaClusterId(), cloud.apiKey(), cloud.apiSecret(), http, secrets);
            }
        }
        return connect;
    }

    @Override
    public Map<VaultReference, String> secrets(List<VaultReference> references) {
        return vault().resolve(references);
    }

    @Override
    public synchronized String serviceAccountId(String displayNameOrId) {
        if (displayNameOrId.startsWith("sa-")) {
            return displayNameOrId;
        }
        if (iam == null) {
            CloudApiCredentials cloud = credentials();
            iam = new IamClient(apiUrl(), cloud.apiKey(), cloud.apiSecret(), http, secrets);
        }
        return iam.idOf(displayNameOrId);
    }

    private synchronized SecretResolver vault() {
        if (vault == null) {
            try {
                vault = new SecretResolver(new VaultClient(environment.vault(), env, http), secrets);
            } catch (CccException e) {
                throw new CccException(environment.name() + ": " + e.getMessage(), e);
            }
        }
        return vault;
    }

    /** The Cloud API key: from the environment, else from Vault when ccc.yaml names it there. */
    synchronized CloudApiCredentials credentials() {
        if (credentials == null) {
            String key = env(API_KEY);
            String secret = env(API_SECRET);
            if (key != null && secret != null) {
                secrets.register(secret);
                credentials = new CloudApiCredentials(key, secret);
            } else if (project.credentials() != null) {
                credentials = vault().cloudCredentials(project.credentials());
            } else {
                String missing = key == null && secret == null ? API_KEY + " and " + API_SECRET
                        : key == null ? API_KEY : API_SECRET;
                throw new CccException("no Confluent Cloud credentials: set " + API_KEY + " and " + API_SECRET
                        + " (a Cloud API key and its secret; " + missing + " is not set), or name them in ccc.yaml "
                        + "under confluent.credentials as Vault references.");
            }
        }
        return credentials;
    }

    /**
     * The digest key, in order: CCC_DIGEST_KEY; ccc.yaml's sensitive.digest_key from Vault; for
     * Confluent Cloud, derived from the API secret (rotating the key then re-sends secrets once);
     * for a self-managed worker, derived from its URL (it returns secrets in plain text anyway).
     */
    @Override
    public synchronized UnaryOperator<String> digest() {
        if (digest == null) {
            byte[] key;
            String explicit = env(DIGEST_KEY);
            if (explicit == null && project.digestKeyReference() != null) {
                explicit = vault().resolve(SecretResolver.parseReference(project.digestKeyReference(),
                        "sensitive.digest_key in ccc.yaml"));
            }
            if (explicit != null) {
                secrets.register(explicit);
                key = explicit.getBytes(StandardCharsets.UTF_8);
            } else if (environment.target() == Target.KAFKA_CONNECT) {
                key = ("ccc self-managed " + environment.connectUrl()).getBytes(StandardCharsets.UTF_8);
            } else {
                String material = SensitiveDigest.hmac(credentials().apiSecret().getBytes(StandardCharsets.UTF_8))
                        .apply("ccc sensitive digest " + environment.environmentId() + "/" + environment.kafkaClusterId());
                key = material.getBytes(StandardCharsets.UTF_8);
            }
            digest = SensitiveDigest.hmac(key);
        }
        return digest;
    }
}
