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
import com.networknt.schema.Schema;

/** Reads and checks ccc.yaml. */
public final class ProjectConfigLoader {

    public static final String FILE_NAME = "ccc.yaml";

    /** The loaded configuration (null when it is unusable) and every problem found in it. */
    public record Result(ProjectConfig config, List<Problem> problems) {
    }

    private ProjectConfigLoader() {
    }

    public static Result load(Path root) {
        Path file = root.resolve(FILE_NAME);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(Problem.Rule.FILE, root, Location.NONE, "the config root is not a directory",
                    "Pass --root with the directory that holds ccc.yaml and the connector directories."));
            return new Result(null, problems);
        }
        if (!Files.exists(file)) {
            problems.add(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file does not exist",
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
        // The schema reports every shape, type, required and unknown key; the model is then read leniently, and
        // what a schema cannot say (Vault reference syntax, environments sharing a cluster) is checked here.
        problems.addAll(ConfigSchema.CCC_YAML.check(document));
        JsonNode top = document.root();
        if (!top.isObject()) {
            return new Result(null, problems);
        }
        JsonNode managed = YamlFields.mapping(top, "managed");
        String prefix = YamlFields.string(managed, "name_prefix");

        String apiUrl = ProjectConfig.DEFAULT_API_URL;
        ProjectConfig.CloudCredentials credentials = null;
        JsonNode confluent = YamlFields.mapping(top, "confluent");
        String url = YamlFields.string(confluent, "api_url");
        if (url != null) {
            apiUrl = withoutTrailingSlash(url);
        }
        JsonNode creds = YamlFields.mapping(confluent, "credentials");
        if (creds != null) {
            String key = YamlFields.string(creds, "api_key");
            String secret = YamlFields.string(creds, "api_secret");
            checkVaultReference(document, problems, key, "/confluent/credentials/api_key");
            checkVaultReference(document, problems, secret, "/confluent/credentials/api_secret");
            credentials = new ProjectConfig.CloudCredentials(key, secret);
        }

        JsonNode limitsNode = YamlFields.mapping(top, "limits");
        Integer maxConnectors = YamlFields.positiveInt(limitsNode, "max_connectors_per_cluster");
        Integer maxTasks = YamlFields.positiveInt(limitsNode, "max_tasks_per_connector");
        Limits limits = new Limits(maxConnectors == null ? Limits.DEFAULT.maxConnectorsPerCluster() : maxConnectors,
                maxTasks == null ? Limits.DEFAULT.maxTasksPerConnector() : maxTasks);

        JsonNode timeoutsNode = YamlFields.mapping(top, "timeouts");
        Integer connectSeconds = YamlFields.positiveInt(timeoutsNode, "connect_seconds");
        Integer readSeconds = YamlFields.positiveInt(timeoutsNode, "read_seconds");
        Timeouts timeouts = new Timeouts(connectSeconds == null ? Timeouts.DEFAULT.connectSeconds() : connectSeconds,
                readSeconds == null ? Timeouts.DEFAULT.readSeconds() : readSeconds);

        JsonNode dlqNode = YamlFields.mapping(top, "dlq");
        Boolean enabled = YamlFields.bool(dlqNode, "enabled");
        String pattern = YamlFields.string(dlqNode, "topic_pattern");
        DlqSettings dlq = new DlqSettings(enabled == null || enabled,
                pattern == null ? DlqSettings.DEFAULT.topicPattern() : pattern);

        JsonNode sensitive = YamlFields.mapping(top, "sensitive");
        SensitiveMode mode = SensitiveMode.DIGEST;
        String drift = YamlFields.string(sensitive, "drift");
        for (SensitiveMode candidate : SensitiveMode.values()) {
            if (candidate.name().equalsIgnoreCase(drift)) {
                mode = candidate;
            }
        }
        String digestKey = YamlFields.string(sensitive, "digest_key");
        String digestStore = YamlFields.string(sensitive, "digest_store");
        checkVaultReference(document, problems, digestKey, "/sensitive/digest_key");

        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        JsonNode envs = YamlFields.mapping(top, "environments");
        if (envs != null) {
            for (Map.Entry<String, JsonNode> entry : envs.properties()) {
                if (entry.getValue().isObject()) {
                    environments.put(entry.getKey(), environment(document, problems, entry.getKey(), entry.getValue()));
                }
            }
        }

        List<String> ignoreKeys = YamlFields.strings(top, "ignore_keys");
        Policies policies = policies(document, problems, YamlFields.mapping(top, "policies"), environments.keySet());
        if (prefix != null) {
            refuseSharedTargets(document, problems, environments, prefix);
        }

        // In the order of the file, whichever check found them; a problem without a line last.
        problems.sort(java.util.Comparator.comparingInt(p -> p.location().line() > 0 ? p.location().line()
                : Integer.MAX_VALUE));
        boolean usable = prefix != null && problems.stream().noneMatch(Problem::isError);
        ProjectConfig config = usable
                ? new ProjectConfig(file, prefix, apiUrl, credentials, limits, dlq, mode, digestKey, environments,
                        ignoreKeys, digestStore, timeouts, policies)
                : null;
        return new Result(config, problems);
    }

    private static EnvironmentConfig environment(SourceDocument document, List<Problem> problems, String name,
                                                 JsonNode node) {
        TargetKind target = TargetKind.fromId(YamlFields.string(node, "target"));
        if (target == null) {
            target = TargetKind.CONFLUENT_CLOUD;
        }
        String connectUrl = YamlFields.string(node, "connect_url");
        VaultSettings vault = VaultSettings.DEFAULT;
        JsonNode vaultNode = YamlFields.mapping(node, "vault");
        if (vaultNode != null) {
            vault = vault(vaultNode);
        }
        if (target != TargetKind.KAFKA_CONNECT && node.has("sandbox")) {
            problems.add(Problem.error(Problem.Rule.SCHEMA, document.file(),
                    document.at("/environments/" + SchemaSupport.escape(name) + "/sandbox"),
                    "'sandbox' belongs to a kafka-connect environment",
                    "Move it to the environment that 'ccc sandbox' runs (target: kafka-connect), or remove it."));
        }
        return new EnvironmentConfig(name, target,
                target == TargetKind.CONFLUENT_CLOUD ? YamlFields.string(node, "environment_id") : null,
                target == TargetKind.CONFLUENT_CLOUD ? YamlFields.string(node, "kafka_cluster_id") : null,
                target == TargetKind.KAFKA_CONNECT && connectUrl != null ? withoutTrailingSlash(connectUrl) : null,
                vault, YamlFields.string(node, "name_prefix"),
                YamlFields.positiveInt(YamlFields.mapping(node, "sandbox"), "kafka_port"),
                dataPlane(document, problems, node, "/environments/" + SchemaSupport.escape(name)),
                connectCredentials(document, problems, node, "/environments/" + SchemaSupport.escape(name)));
    }

    /** {@code connect_credentials: {username: ..., password: ${vault:...}}} of a secured worker, or null. */
    private static ConnectCredentials connectCredentials(SourceDocument document, List<Problem> problems,
                                                         JsonNode node, String at) {
        JsonNode credentials = YamlFields.mapping(node, "connect_credentials");
        if (credentials == null) {
            return null;
        }
        String password = YamlFields.string(credentials, "password");
        checkVaultReference(document, problems, password, at + "/connect_credentials/password");
        return new ConnectCredentials(YamlFields.string(credentials, "username"), password);
    }

    /** The endpoints and API keys {@code ccc doctor} reads topics and subjects with; every one optional. */
    private static DataPlane dataPlane(SourceDocument document, List<Problem> problems, JsonNode node, String at) {
        String kafkaRest = YamlFields.string(node, "kafka_rest_url");
        String registry = YamlFields.string(node, "schema_registry_url");
        return new DataPlane(kafkaRest == null ? null : withoutTrailingSlash(kafkaRest),
                apiKey(document, problems, node, "kafka_credentials", at),
                registry == null ? null : withoutTrailingSlash(registry),
                apiKey(document, problems, node, "schema_registry_credentials", at),
                YamlFields.string(node, "schema_registry_cluster_id"));
    }

    /** {@code key: {api_key: ${vault:...}, api_secret: ${vault:...}}}, or null when the key is absent. */
    private static DataPlane.Credentials apiKey(SourceDocument document, List<Problem> problems, JsonNode parent,
                                                String key, String at) {
        JsonNode node = YamlFields.mapping(parent, key);
        if (node == null) {
            return null;
        }
        String apiKey = YamlFields.string(node, "api_key");
        String apiSecret = YamlFields.string(node, "api_secret");
        checkVaultReference(document, problems, apiKey, at + "/" + key + "/api_key");
        checkVaultReference(document, problems, apiSecret, at + "/" + key + "/api_secret");
        return new DataPlane.Credentials(apiKey, apiSecret);
    }

    /**
     * Two environments on one cluster (or one Kafka Connect worker) each see the other's connectors as orphans
     * under their prefix, and 'apply --prune' in one deletes the other's: refused unless their prefixes keep them
     * apart, that is neither prefix is the start of the other.
     */
    private static void refuseSharedTargets(SourceDocument document, List<Problem> problems,
                                           Map<String, EnvironmentConfig> environments, String globalPrefix) {
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
                boolean connect = environment.kind() == TargetKind.KAFKA_CONNECT;
                String pointer = "/environments/" + environment.name() + (connect ? "/connect_url" : "/kafka_cluster_id");
                problems.add(Problem.error(Problem.Rule.SHARED_TARGET, document.file(), document.at(pointer),
                        "environments '" + other.name() + "' and '" + environment.name() + "' share "
                                + (connect ? "Kafka Connect worker " + environment.connectUrl()
                                        : "Kafka cluster " + environment.kafkaClusterId())
                                + " and their name prefixes '" + otherPrefix + "' and '" + prefix + "' overlap: each "
                                + "would take the other's connectors for its own orphans, and 'apply --env "
                                + environment.name() + " --prune' would delete " + other.name() + "'s",
                        "Give each environment a name_prefix that is not the start of the other's (e.g. '"
                                + globalPrefix + other.name() + "-' and '" + globalPrefix + environment.name()
                                + "-'), or point them at different clusters."));
                break;
            }
            earlier.add(environment);
        }
    }

    /** What an environment deploys to, comparable between environments; null when it is not known. */
    private static String targetIdentity(EnvironmentConfig environment) {
        if (environment.kind() == TargetKind.KAFKA_CONNECT) {
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

    /**
     * The policies, their schemas compiled by the validator that checks them. A schema it cannot use, or an
     * environment ccc.yaml does not declare (a policy for 'prd' would never apply), is an error at its place.
     */
    private static Policies policies(SourceDocument document, List<Problem> problems, JsonNode node,
                                     Set<String> environments) {
        if (node == null) {
            return Policies.NONE;
        }
        List<Policy> policies = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String id = entry.getKey();
            JsonNode policy = entry.getValue();
            String at = "/policies/" + SchemaSupport.escape(id);
            if (!policy.isObject() || !policy.path("require").isObject() && !policy.path("require").isBoolean()) {
                continue;
            }
            checkEnvironments(document, problems, policy, at, id, environments);
            Schema when = policy.has("when") ? compile(document, problems, policy.get("when"), at + "/when", id) : null;
            Schema require = compile(document, problems, policy.get("require"), at + "/require", id);
            List<Policy.Exemption> exemptions = new ArrayList<>();
            JsonNode list = policy.path("exceptions");
            for (int i = 0; i < list.size(); i++) {
                JsonNode exemption = list.get(i);
                checkEnvironments(document, problems, exemption, at + "/exceptions/" + i, id, environments);
                exemptions.add(new Policy.Exemption(YamlFields.strings(exemption, "connectors"),
                        YamlFields.strings(exemption, "environments"), YamlFields.string(exemption, "reason"),
                        YamlFields.string(exemption, "owner"), document.at(at + "/exceptions/" + i)));
            }
            if (require != null && (when != null || !policy.has("when"))) {
                policies.add(new Policy(id, YamlFields.string(policy, "description"),
                        !"warning".equals(YamlFields.string(policy, "severity")),
                        YamlFields.strings(policy, "environments"), when, require, YamlFields.string(policy, "hint"),
                        exemptions));
            }
        }
        return new Policies(policies);
    }

    private static void checkEnvironments(SourceDocument document, List<Problem> problems, JsonNode node, String at,
                                          String id, Set<String> environments) {
        List<String> named = YamlFields.strings(node, "environments");
        for (int i = 0; i < named.size(); i++) {
            if (!environments.isEmpty() && !environments.contains(named.get(i))) {
                problems.add(Problem.error(Problem.Rule.POLICIES, document.file(),
                        document.at(at + "/environments/" + i),
                        "policy '" + id + "' names environment '" + named.get(i) + "', which ccc.yaml does not declare",
                        "Known environments: " + String.join(", ", environments) + "."));
            }
        }
    }

    private static Schema compile(SourceDocument document, List<Problem> problems, JsonNode schema, String pointer,
                                  String id) {
        try {
            return SchemaSupport.compile(schema);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(Problem.Rule.POLICIES, document.file(), document.at(pointer),
                    "policy '" + id + "' cannot be evaluated: " + e.getMessage(),
                    "Write a JSON Schema (draft 2020-12): its patterns regular expressions, its $refs inside it."));
            return null;
        }
    }

    private static VaultSettings vault(JsonNode node) {
        String address = YamlFields.string(node, "address");
        VaultSettings.AuthMethod auth = VaultSettings.AuthMethod.TOKEN;
        String authId = YamlFields.string(node, "auth");
        for (VaultSettings.AuthMethod candidate : VaultSettings.AuthMethod.values()) {
            if (candidate.name().equalsIgnoreCase(authId)) {
                auth = candidate;
            }
        }
        Integer kvVersion = YamlFields.positiveInt(node, "kv_version");
        return new VaultSettings(address == null ? null : withoutTrailingSlash(address),
                YamlFields.string(node, "namespace"), auth, YamlFields.string(node, "role"),
                YamlFields.string(node, "audience"), YamlFields.string(node, "auth_mount"),
                kvVersion != null && kvVersion == 1 ? 1 : 2);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkVaultReference(SourceDocument document, List<Problem> problems, String value,
                                            String pointer) {
        if (value == null) {
            return;
        }
        String problem;
        try {
            Template template = Template.parse(value);
            problem = template.vaultReferences().size() != 1 || template.segments().size() != 1
                    ? "expected exactly one Vault reference" : null;
        } catch (Template.SyntaxError e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            problems.add(Problem.error(Problem.Rule.PLACEHOLDER, document.file(), document.at(pointer), problem,
                    "Write it as ${vault:<path>#<key>}."));
        }
    }
}
