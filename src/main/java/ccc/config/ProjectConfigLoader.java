package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and checks ccc.yaml. */
public final class ProjectConfigLoader {

    public static final String FILE_NAME = "ccc.yaml";
    private static final Set<String> TOP_KEYS =
            Set.of("managed", "confluent", "limits", "dlq", "sensitive", "environments", "ignore_keys",
                    "timeouts");
    private static final Set<String> ENVIRONMENT_KEYS =
            Set.of("target", "environment_id", "kafka_cluster_id", "connect_url", "name_prefix", "vault", "sandbox",
                    "kafka_rest_url", "kafka_credentials", "schema_registry_url", "schema_registry_credentials",
                    "schema_registry_cluster_id");
    private static final Set<String> VAULT_KEYS =
            Set.of("address", "namespace", "auth", "role", "audience", "auth_mount", "kv_version");

    /** The loaded configuration (null when it is unusable) and every problem found in it. */
    public record Result(ProjectConfig config, List<Problem> problems) {
    }

    private ProjectConfigLoader() {
    }

    public static Result load(Path root) {
        Path file = root.resolve(FILE_NAME);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(root, Location.NONE, "the config root is not a directory",
                    "Pass --root with the directory that holds ccc.yaml and the connector directories."));
            return new Result(null, problems);
        }
        if (!Files.exists(file)) {
            problems.add(Problem.error(file, Location.NONE, "the file does not exist",
                    "Create it (see the README) or pass --root with the directory that holds it."));
            return new Result(null, problems);
        }
        SourceDocument document;
        try {
            document = SourceDocument.parseYaml(file);
        } catch (SourceDocument.Unparseable e) {
            problems.add(e.problem());
            return new Result(null, problems);
        }
        YamlFields fields = new YamlFields(document, problems);
        JsonNode root0 = document.root();
        if (!root0.isObject()) {
            fields.error("", "ccc.yaml must be a mapping with 'managed' and 'environments'", "");
            return new Result(null, problems);
        }
        fields.rejectUnknownKeys(root0, "", TOP_KEYS);

        String prefix = null;
        JsonNode managed = fields.mapping(root0, "managed", "/managed");
        if (managed == null) {
            fields.error("", "'managed.name_prefix' is missing",
                    "Set the prefix of the connector names this repository owns, e.g. managed: {name_prefix: peve-}.");
        } else {
            fields.rejectUnknownKeys(managed, "/managed", Set.of("name_prefix"));
            prefix = fields.string(managed, "name_prefix", "/managed", true,
                    "Set the prefix of the connector names this repository owns, e.g. 'peve-'.");
            checkPrefix(fields, prefix, "/managed/name_prefix");
        }

        String apiUrl = ProjectConfig.DEFAULT_API_URL;
        ProjectConfig.CloudCredentials credentials = null;
        JsonNode confluent = fields.mapping(root0, "confluent", "/confluent");
        if (confluent != null) {
            fields.rejectUnknownKeys(confluent, "/confluent", Set.of("api_url", "credentials"));
            String url = fields.string(confluent, "api_url", "/confluent", false, "");
            if (url != null) {
                apiUrl = checkUrl(fields, url, "/confluent/api_url");
            }
            JsonNode creds = fields.mapping(confluent, "credentials", "/confluent/credentials");
            if (creds != null) {
                fields.rejectUnknownKeys(creds, "/confluent/credentials", Set.of("api_key", "api_secret"));
                String hint = "Give a Vault reference such as ${vault:secret/ccloud#api_key}.";
                String key = fields.string(creds, "api_key", "/confluent/credentials", true, hint);
                String secret = fields.string(creds, "api_secret", "/confluent/credentials", true, hint);
                checkVaultReference(fields, key, "/confluent/credentials/api_key");
                checkVaultReference(fields, secret, "/confluent/credentials/api_secret");
                credentials = new ProjectConfig.CloudCredentials(key, secret);
            }
        }

        Limits limits = Limits.DEFAULT;
        JsonNode limitsNode = fields.mapping(root0, "limits", "/limits");
        if (limitsNode != null) {
            fields.rejectUnknownKeys(limitsNode, "/limits",
                    Set.of("max_connectors_per_cluster", "max_tasks_per_connector"));
            Integer connectors = fields.positiveInt(limitsNode, "max_connectors_per_cluster", "/limits");
            Integer tasks = fields.positiveInt(limitsNode, "max_tasks_per_connector", "/limits");
            limits = new Limits(connectors == null ? limits.maxConnectorsPerCluster() : connectors,
                    tasks == null ? limits.maxTasksPerConnector() : tasks);
        }

        Timeouts timeouts = Timeouts.DEFAULT;
        JsonNode timeoutsNode = fields.mapping(root0, "timeouts", "/timeouts");
        if (timeoutsNode != null) {
            fields.rejectUnknownKeys(timeoutsNode, "/timeouts", Set.of("connect_seconds", "read_seconds"));
            Integer connect = fields.positiveInt(timeoutsNode, "connect_seconds", "/timeouts");
            Integer read = fields.positiveInt(timeoutsNode, "read_seconds", "/timeouts");
            timeouts = new Timeouts(connect == null ? timeouts.connectSeconds() : connect,
                    read == null ? timeouts.readSeconds() : read);
        }

        DlqSettings dlq = DlqSettings.DEFAULT;
        JsonNode dlqNode = fields.mapping(root0, "dlq", "/dlq");
        if (dlqNode != null) {
            fields.rejectUnknownKeys(dlqNode, "/dlq", Set.of("enabled", "topic_pattern"));
            Boolean enabled = fields.bool(dlqNode, "enabled", "/dlq");
            String pattern = fields.string(dlqNode, "topic_pattern", "/dlq", false, "");
            if (pattern != null && !pattern.contains("{topic}") && !pattern.contains("{connector}")) {
                fields.error("/dlq/topic_pattern", "the DLQ topic pattern uses neither {topic} nor {connector}",
                        "Every sink would share one DLQ topic; use e.g. '{topic}-dlq'.");
            }
            dlq = new DlqSettings(enabled == null || enabled, pattern == null ? dlq.topicPattern() : pattern);
        }

        SensitiveMode mode = SensitiveMode.DIGEST;
        String digestKey = null;
        String digestStore = null;
        JsonNode sensitive = fields.mapping(root0, "sensitive", "/sensitive");
        if (sensitive != null) {
            fields.rejectUnknownKeys(sensitive, "/sensitive", Set.of("drift", "digest_key", "digest_store"));
            String drift = fields.string(sensitive, "drift", "/sensitive", false, "");
            if (drift != null) {
                try {
                    mode = SensitiveMode.valueOf(drift.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    fields.error("/sensitive/drift", "unknown sensitive drift mode '" + drift + "'",
                            "Use digest, resend or ignore.");
                }
            }
            digestKey = fields.string(sensitive, "digest_key", "/sensitive", false, "");
            digestStore = fields.string(sensitive, "digest_store", "/sensitive", false,
                    "Name a Vault KV path ccc may write, e.g. secret/peve/ccc-digests.");
            checkVaultReference(fields, digestKey, "/sensitive/digest_key");
        }

        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        JsonNode envs = fields.mapping(root0, "environments", "/environments");
        if (envs == null || envs.isEmpty()) {
            fields.error("", "no environments are declared",
                    "Add 'environments:' with at least one environment (dev, cert, prod...).");
        } else {
            for (Map.Entry<String, JsonNode> entry : envs.properties()) {
                EnvironmentConfig environment = environment(fields, entry.getKey(), entry.getValue());
                if (environment != null) {
                    environments.put(entry.getKey(), environment);
                }
            }
        }

        List<String> ignoreKeys = fields.strings(root0, "ignore_keys", "");
        if (prefix != null) {
            refuseSharedTargets(fields, environments, prefix);
        }

        boolean usable = prefix != null && problems.stream().noneMatch(Problem::isError);
        ProjectConfig config = usable
                ? new ProjectConfig(file, prefix, apiUrl, credentials, limits, dlq, mode, digestKey, environments,
                        ignoreKeys, digestStore, timeouts)
                : null;
        return new Result(config, problems);
    }

    private static EnvironmentConfig environment(YamlFields fields, String name, JsonNode node) {
        String at = "/environments/" + name;
        if (!name.matches("[a-z][a-z0-9_]*")) {
            fields.error(at, "environment name '" + name + "' is not a lower-case word",
                    "Use names such as dev, cert, prod or local: they prefix the connector file names.");
            return null;
        }
        if (node == null || !node.isObject()) {
            fields.error(at, "environment '" + name + "' must be a mapping", "");
            return null;
        }
        fields.rejectUnknownKeys(node, at, ENVIRONMENT_KEYS);
        Target target = Target.CONFLUENT_CLOUD;
        String targetId = fields.string(node, "target", at, false, "");
        if (targetId != null) {
            target = Target.fromId(targetId);
            if (target == null) {
                fields.error(at + "/target", "unknown target '" + targetId + "'",
                        "Use confluent-cloud (the default) or kafka-connect.");
                return null;
            }
        }
        String environmentId = null;
        String clusterId = null;
        String connectUrl = null;
        if (target == Target.CONFLUENT_CLOUD) {
            environmentId = fields.string(node, "environment_id", at, true,
                    "Set the Confluent Cloud environment id (env-...).");
            clusterId = fields.string(node, "kafka_cluster_id", at, true,
                    "Set the Kafka cluster id (lkc-...).");
            if (environmentId != null && !environmentId.startsWith("env-")) {
                fields.error(at + "/environment_id", "'" + environmentId + "' is not an environment id",
                        "Confluent Cloud environment ids start with env-.");
            }
            if (clusterId != null && !clusterId.startsWith("lkc-")) {
                fields.error(at + "/kafka_cluster_id", "'" + clusterId + "' is not a Kafka cluster id",
                        "Confluent Cloud Kafka cluster ids start with lkc-.");
            }
        } else {
            connectUrl = fields.string(node, "connect_url", at, true,
                    "Set the Kafka Connect REST URL, e.g. http://localhost:8083.");
            if (connectUrl != null) {
                connectUrl = checkUrl(fields, connectUrl, at + "/connect_url");
            }
        }
        String prefix = fields.string(node, "name_prefix", at, false,
                "Set the prefix of the connector names ccc manages in " + name + ", or remove it to use managed.name_prefix.");
        checkPrefix(fields, prefix, at + "/name_prefix");
        Integer sandboxKafkaPort = null;
        JsonNode sandbox = fields.mapping(node, "sandbox", at + "/sandbox");
        if (sandbox != null) {
            fields.rejectUnknownKeys(sandbox, at + "/sandbox", Set.of("kafka_port"));
            sandboxKafkaPort = fields.positiveInt(sandbox, "kafka_port", at + "/sandbox");
            if (sandboxKafkaPort != null && sandboxKafkaPort > 65535) {
                fields.error(at + "/sandbox/kafka_port", "kafka_port " + sandboxKafkaPort + " is not a TCP port",
                        "Use a port between 1024 and 65535, e.g. 9092.");
            }
            if (target != Target.KAFKA_CONNECT) {
                fields.error(at + "/sandbox", "'sandbox' belongs to a kafka-connect environment",
                        "Move it to the environment that 'ccc sandbox' runs (target: kafka-connect), or remove it.");
            }
        }
        VaultSettings vault = VaultSettings.DEFAULT;
        JsonNode vaultNode = fields.mapping(node, "vault", at + "/vault");
        if (vaultNode != null) {
            vault = vault(fields, vaultNode, at + "/vault");
        }
        return new EnvironmentConfig(name, target, environmentId, clusterId, connectUrl, vault, prefix,
                sandboxKafkaPort, dataPlane(fields, node, at));
    }

    /** The endpoints and API keys {@code ccc doctor} reads topics and subjects with; every one optional. */
    private static DataPlane dataPlane(YamlFields fields, JsonNode node, String at) {
        String kafkaRest = fields.string(node, "kafka_rest_url", at, false, "");
        if (kafkaRest != null) {
            kafkaRest = checkUrl(fields, kafkaRest, at + "/kafka_rest_url");
        }
        String registry = fields.string(node, "schema_registry_url", at, false, "");
        if (registry != null) {
            registry = checkUrl(fields, registry, at + "/schema_registry_url");
        }
        String registryId = fields.string(node, "schema_registry_cluster_id", at, false, "");
        if (registryId != null && !registryId.startsWith("lsrc-")) {
            fields.error(at + "/schema_registry_cluster_id", "'" + registryId + "' is not a Schema Registry id",
                    "Confluent Cloud Schema Registry ids start with lsrc-.");
        }
        return new DataPlane(kafkaRest, apiKey(fields, node, "kafka_credentials", at), registry,
                apiKey(fields, node, "schema_registry_credentials", at), registryId);
    }

    /** {@code key: {api_key: ${vault:...}, api_secret: ${vault:...}}}, or null when the key is absent. */
    private static DataPlane.Credentials apiKey(YamlFields fields, JsonNode parent, String key, String at) {
        String pointer = at + "/" + key;
        JsonNode node = fields.mapping(parent, key, pointer);
        if (node == null) {
            return null;
        }
        fields.rejectUnknownKeys(node, pointer, Set.of("api_key", "api_secret"));
        String hint = "Give a Vault reference such as ${vault:secret/peve/kafka#api_key}.";
        String apiKey = fields.string(node, "api_key", pointer, true, hint);
        String apiSecret = fields.string(node, "api_secret", pointer, true, hint);
        checkVaultReference(fields, apiKey, pointer + "/api_key");
        checkVaultReference(fields, apiSecret, pointer + "/api_secret");
        return new DataPlane.Credentials(apiKey, apiSecret);
    }

    /** Every connector name starts with the prefix, so it must itself start a name that follows the rule. */
    private static void checkPrefix(YamlFields fields, String prefix, String pointer) {
        String violation = prefix == null ? null : ConnectorNames.violation(prefix);
        if (violation != null) {
            fields.error(pointer, "name prefix '" + ConnectorNames.shown(prefix) + "' " + violation
                            + ": every connector name starts with it, and " + ConnectorNames.RULE,
                    "Write it with letters, digits, '.', '_' and '-', e.g. 'peve-'.");
        }
    }

    /**
     * Two environments on one cluster (or one Kafka Connect worker) each see the other's connectors as orphans
     * under their prefix, and 'apply --prune' in one deletes the other's: refused unless their prefixes keep them
     * apart, that is neither prefix is the start of the other.
     */
    private static void refuseSharedTargets(YamlFields fields, Map<String, EnvironmentConfig> environments,
                                            String globalPrefix) {
        List<EnvironmentConfig> earlier = new ArrayList<>();
        for (EnvironmentConfig environment : environments.values()) {
            String target = targetIdentity(environment);
            String prefix = environment.namePrefix() == null ? globalPrefix : environment.namePrefix();
            for (EnvironmentConfig other : earlier) {
                String otherPrefix = other.namePrefix() == null ? globalPrefix : other.namePrefix();
                if (target == null || !target.equals(targetIdentity(other))
                        || !(prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix))) {
                    continue;
                }
                boolean connect = environment.target() == Target.KAFKA_CONNECT;
                fields.error("/environments/" + environment.name() + (connect ? "/connect_url" : "/kafka_cluster_id"),
                        "environments '" + other.name() + "' and '" + environment.name() + "' share "
                                + (connect ? "Kafka Connect worker " + environment.connectUrl()
                                        : "Kafka cluster " + environment.kafkaClusterId())
                                + " and their name prefixes '" + otherPrefix + "' and '" + prefix + "' overlap: each "
                                + "would take the other's connectors for its own orphans, and 'apply --env "
                                + environment.name() + " --prune' would delete " + other.name() + "'s",
                        "Give each environment a name_prefix that is not the start of the other's (e.g. '"
                                + globalPrefix + other.name() + "-' and '" + globalPrefix + environment.name()
                                + "-'), or point them at different clusters.");
                break;
            }
            earlier.add(environment);
        }
    }

    /** What an environment deploys to, comparable between environments; null when it is not known. */
    private static String targetIdentity(EnvironmentConfig environment) {
        if (environment.target() == Target.KAFKA_CONNECT) {
            return environment.connectUrl() == null ? null : "connect " + normalisedUrl(environment.connectUrl());
        }
        // A lkc- id is unique across Confluent Cloud: another environment id with it is a typo, not another cluster.
        return environment.kafkaClusterId() == null ? null
                : "cloud " + environment.kafkaClusterId().toLowerCase(Locale.ROOT);
    }

    /** The URL with the scheme and host in lower case, the default port written out and no trailing slash. */
    static String normalisedUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() != null ? uri.getHost()
                    : uri.getRawAuthority() != null ? uri.getRawAuthority() : "";
            int port = uri.getPort() != -1 ? uri.getPort()
                    : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }

    private static VaultSettings vault(YamlFields fields, JsonNode node, String at) {
        fields.rejectUnknownKeys(node, at, VAULT_KEYS);
        String address = fields.string(node, "address", at, false, "");
        if (address != null) {
            address = checkUrl(fields, address, at + "/address");
        }
        String namespace = fields.string(node, "namespace", at, false, "");
        VaultSettings.AuthMethod auth = VaultSettings.AuthMethod.TOKEN;
        String authId = fields.string(node, "auth", at, false, "");
        if (authId != null) {
            try {
                auth = VaultSettings.AuthMethod.valueOf(authId.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fields.error(at + "/auth", "unknown Vault auth method '" + authId + "'",
                        "Use token, approle or jwt.");
            }
        }
        String role = fields.string(node, "role", at, false, "");
        if (auth == VaultSettings.AuthMethod.JWT && role == null) {
            fields.error(at, "Vault auth 'jwt' needs a 'role'",
                    "Name the Vault JWT role that GitHub Actions logs in with.");
        }
        String audience = fields.string(node, "audience", at, false, "");
        String authMount = fields.string(node, "auth_mount", at, false, "");
        Integer kvVersion = fields.positiveInt(node, "kv_version", at);
        if (kvVersion != null && kvVersion != 1 && kvVersion != 2) {
            fields.error(at + "/kv_version", "kv_version must be 1 or 2", "");
            kvVersion = 2;
        }
        return new VaultSettings(address, namespace, auth, role, audience, authMount,
                kvVersion == null ? 2 : kvVersion);
    }

    private static String checkUrl(YamlFields fields, String url, String pointer) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            fields.error(pointer, "'" + url + "' is not an http(s) URL", "Write it as https://host[:port].");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkVaultReference(YamlFields fields, String value, String pointer) {
        if (value == null) {
            return;
        }
        try {
            Template template = Template.parse(value);
            if (template.vaultReferences().size() != 1 || template.segments().size() != 1) {
                fields.error(pointer, "expected exactly one Vault reference",
                        "Write it as ${vault:<path>#<key>}.");
            }
        } catch (Template.SyntaxError e) {
            fields.error(pointer, e.getMessage(), "Write it as ${vault:<path>#<key>}.");
        }
    }
}
