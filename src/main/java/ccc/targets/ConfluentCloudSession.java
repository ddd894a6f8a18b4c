package ccc.targets;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.client.connect.ConfluentCloudConnectClient;
import ccc.client.connect.ConnectClient;
import ccc.client.iam.IamClient;
import ccc.client.vault.CloudApiCredentials;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/** A Confluent Cloud cluster: its Connect API, the organisation's IAM API, and the environment's Vault. */
final class ConfluentCloudSession implements Session {

    static final String ALLOW_CUSTOM_API_URL = "CCC_ALLOW_CUSTOM_API_URL";

    private final ProjectConfig project;
    private final EnvironmentConfig environment;
    private final Environment variables;
    private final VaultSecrets vault;
    private final SecretRegistry secrets;
    private final HttpSettings http;
    private ConnectClient connect;
    private CloudApiCredentials credentials;
    private final Object digestLock = new Object();
    private UnaryOperator<String> digest;
    private IamClient iam;
    private final DataPlaneAccess dataPlane;

    ConfluentCloudSession(ProjectConfig project, EnvironmentConfig environment, Environment variables,
                          VaultSecrets vault, SecretRegistry secrets, HttpSettings http) {
        this.project = project;
        this.environment = environment;
        this.variables = variables;
        this.vault = vault;
        this.secrets = secrets;
        this.http = http;
        this.dataPlane = new DataPlaneAccess(environment, variables, vault, secrets, http, true);
    }

    /**
     * CONFLUENT_CLOUD_API_URL wins over ccc.yaml's confluent.api_url. The file is in the repository,
     * where a pull request can change it: ccc sends the Cloud API key only to Confluent Cloud unless
     * the environment (the CI job, not the repository) allows another host.
     */
    String apiUrl() {
        String url = variables.get(Environment.API_URL);
        if (url == null) {
            HttpUrl configured = HttpUrl.parse(project.apiUrl());
            boolean confluent = configured != null && configured.isHttps()
                    && (configured.host().equals("api.confluent.cloud") || configured.host().endsWith(".confluent.cloud"));
            if (!confluent && !"true".equals(variables.get(ALLOW_CUSTOM_API_URL))) {
                throw new CccException("confluent.api_url in ccc.yaml is " + project.apiUrl() + ", not an https host of "
                        + "confluent.cloud: ccc will not send the Cloud API key there on the repository's word. For a "
                        + "proxy or a private endpoint, set " + ALLOW_CUSTOM_API_URL + "=true (or "
                        + Environment.API_URL + ") in the environment that runs ccc.");
            }
            return project.apiUrl();
        }
        if (HttpUrl.parse(url) == null) {
            throw new CccException(Environment.API_URL + "='" + url + "' is not an http(s) URL; unset it to use "
                    + project.apiUrl() + ", or give e.g. https://api.confluent.cloud.");
        }
        return url.replaceAll("/+$", "");
    }

    @Override
    public String location() {
        return environment.environmentId() + "/" + environment.kafkaClusterId() + " at " + apiUrl();
    }

    @Override
    public synchronized ConnectClient connect() {
        if (connect == null) {
            CloudApiCredentials cloud = credentials();
            connect = new ConfluentCloudConnectClient(apiUrl(), environment.environmentId(),
                    environment.kafkaClusterId(), cloud.apiKey(), cloud.apiSecret(), http, secrets);
        }
        return connect;
    }

    @Override
    public Map<VaultReference, String> secrets(List<VaultReference> references) {
        return vault.resolve(references);
    }

    @Override
    public String serviceAccountId(String displayNameOrId) {
        if (displayNameOrId.startsWith("sa-")) {
            return displayNameOrId;
        }
        return iam().idOf(displayNameOrId);
    }

    @Override
    public Prerequisites prerequisites() {
        return new CloudPrerequisites(environment, this::iam, this::connect, dataPlane);
    }

    private synchronized IamClient iam() {
        if (iam == null) {
            CloudApiCredentials cloud = credentials();
            iam = new IamClient(apiUrl(), cloud.apiKey(), cloud.apiSecret(), http, secrets);
        }
        return iam;
    }

    /** The Cloud API key: from the environment, else from Vault when ccc.yaml names it there. */
    synchronized CloudApiCredentials credentials() {
        if (credentials == null) {
            String key = variables.get(Environment.API_KEY);
            String secret = variables.get(Environment.API_SECRET);
            if (key != null && secret != null) {
                secrets.register(secret);
                credentials = new CloudApiCredentials(key, secret);
            } else if (project.credentials() != null) {
                credentials = vault.cloudCredentials();
            } else {
                String missing = key == null && secret == null ? Environment.API_KEY + " and " + Environment.API_SECRET
                        : key == null ? Environment.API_KEY : Environment.API_SECRET;
                throw new CccException("no Confluent Cloud credentials: set " + Environment.API_KEY + " and "
                        + Environment.API_SECRET + " (a Cloud API key and its secret; " + missing + " is not set), "
                        + "or name them in ccc.yaml under confluent.credentials as Vault references.");
            }
        }
        return credentials;
    }

    /**
     * The digest key: CCC_DIGEST_KEY, or ccc.yaml's sensitive.digest_key from Vault, or else derived
     * from the API secret (rotating the key then re-sends secrets once).
     */
    @Override
    public UnaryOperator<String> digest() {
        // Its own lock: a plan reads the digest key from Vault while it lists the connectors.
        synchronized (digestLock) {
            if (digest == null) {
                byte[] key = vault.explicitDigestKey();
                if (key == null) {
                    String material = SensitiveDigest.hmac(credentials().apiSecret().getBytes(StandardCharsets.UTF_8))
                            .apply("ccc sensitive digest " + environment.environmentId() + "/"
                                    + environment.kafkaClusterId());
                    key = material.getBytes(StandardCharsets.UTF_8);
                }
                digest = SensitiveDigest.hmac(key);
            }
            return digest;
        }
    }

    @Override
    public java.util.Optional<DigestStore> digestStore() {
        return java.util.Optional.ofNullable(vault.digestStore());
    }

    @Override
    public boolean dropsUndefinedKeys() {
        return true;
    }

    @Override
    public boolean returnsPlainSecrets() {
        return false;
    }
}
