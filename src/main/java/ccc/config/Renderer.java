package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges one environment's connector JSON with its vars file: a pure function of the two parsed
 * documents and the project settings, reporting every problem it finds rather than the first.
 */
public final class Renderer {

    public static final String STATUS_VAR = "status";
    public static final String SERVICE_ACCOUNT_VAR = "service_account";
    static final Set<String> RESERVED_VARS = Set.of(STATUS_VAR, SERVICE_ACCOUNT_VAR);
    private static final Set<String> TOP_KEYS = Set.of("name", "config_nonsensitive", "config_sensitive");
    private static final String NONSENSITIVE = "config_nonsensitive";
    private static final String SENSITIVE = "config_sensitive";

    /** The merged connector (null when an error makes it meaningless) and the problems found. */
    public record Rendered(DesiredConnector connector, List<Problem> problems) {
    }

    private Renderer() {
    }

    public static Rendered render(String directory, EnvironmentConfig environment, ProjectConfig project,
                                  SourceDocument json, SourceDocument vars) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = readVars(vars, problems);
        Set<String> used = new HashSet<>();
        Path file = json.file();
        JsonNode root = json.root();
        if (!root.isObject()) {
            problems.add(Problem.error(file, json.at(""), "the connector file must be a JSON object",
                    "Write {\"name\": ..., \"config_nonsensitive\": {...}, \"config_sensitive\": {...}}."));
            return new Rendered(null, problems);
        }
        for (String key : root.properties().stream().map(Map.Entry::getKey).toList()) {
            if (!TOP_KEYS.contains(key)) {
                problems.add(Problem.error(file, json.at("/" + key), "unknown top-level key '" + key + "'",
                        "Only name, config_nonsensitive and config_sensitive are read; move the setting into one of the config maps."));
            }
        }

        String name = null;
        JsonNode nameNode = root.get("name");
        if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isBlank())) {
            problems.add(Problem.error(file, json.at(""), "'name' is missing",
                    "Add \"name\": \"" + project.namePrefix(environment.name())
                            + "...\" with the connector's name in the cluster."));
        } else if (!nameNode.isTextual()) {
            problems.add(Problem.error(file, json.at("/name"), "'name' must be a string", ""));
        } else {
            Template template = template(json, "/name", nameNode.asText(), problems);
            if (template != null) {
                if (template.hasVaultReferences()) {
                    problems.add(Problem.error(file, json.at("/name"), "a Vault reference cannot be part of a name",
                            "Names are printed everywhere; use a literal or a var."));
                } else if (defined(json, "/name", template, values, used, vars.file(), problems)) {
                    name = template.substitute(values).text();
                }
            }
        }

        Map<String, String> config = new LinkedHashMap<>();
        JsonNode nonsensitive = root.get(NONSENSITIVE);
        if (nonsensitive == null || !nonsensitive.isObject()) {
            problems.add(Problem.error(file, json.at(nonsensitive == null ? "" : "/" + NONSENSITIVE),
                    nonsensitive == null ? "'config_nonsensitive' is missing" : "'config_nonsensitive' must be an object",
                    "Put the connector's settings, connector.class first, in \"config_nonsensitive\": {...}."));
        } else {
            for (Map.Entry<String, JsonNode> entry : nonsensitive.properties()) {
                String pointer = "/" + NONSENSITIVE + "/" + escape(entry.getKey());
                if (blankKey(json, pointer, entry.getKey(), problems)) {
                    continue;
                }
                Template template = value(json, pointer, entry.getValue(), problems);
                if (template == null) {
                    continue;
                }
                if (template.hasVaultReferences()) {
                    problems.add(Problem.error(file, json.at(pointer),
                            "Vault reference in config_nonsensitive: '" + entry.getKey() + "'",
                            "Non-sensitive values are printed in plans and logs; move the key to config_sensitive."));
                    continue;
                }
                if (defined(json, pointer, template, values, used, vars.file(), problems)) {
                    config.put(entry.getKey(), template.substitute(values).text());
                }
            }
        }

        Map<String, Template> sensitive = new LinkedHashMap<>();
        JsonNode sensitiveNode = root.get(SENSITIVE);
        if (sensitiveNode != null && !sensitiveNode.isNull()) {
            if (!sensitiveNode.isObject()) {
                problems.add(Problem.error(file, json.at("/" + SENSITIVE), "'config_sensitive' must be an object", ""));
            } else {
                for (Map.Entry<String, JsonNode> entry : sensitiveNode.properties()) {
                    String pointer = "/" + SENSITIVE + "/" + escape(entry.getKey());
                    if (blankKey(json, pointer, entry.getKey(), problems)) {
                        continue;
                    }
                    if (nonsensitive != null && nonsensitive.has(entry.getKey())) {
                        problems.add(Problem.error(file, json.at(pointer),
                                "'" + entry.getKey() + "' is in both config_nonsensitive and config_sensitive",
                                "Keep it in one of them only."));
                        continue;
                    }
                    Template template = value(json, pointer, entry.getValue(), problems);
                    if (template != null && defined(json, pointer, template, values, used, vars.file(), problems)) {
                        sensitive.put(entry.getKey(), template.substitute(values));
                    }
                }
            }
        }

        checkConfig(json, config, sensitive, project, problems);

        DeclaredState state = declaredState(vars, values, problems);
        String serviceAccount = values.get(SERVICE_ACCOUNT_VAR);
        if (serviceAccount != null) {
            serviceAccount = applyServiceAccount(config, serviceAccount, environment, vars, problems);
        } else if ("SERVICE_ACCOUNT".equals(config.get("kafka.auth.mode"))
                && !config.containsKey(DesiredConnector.SERVICE_ACCOUNT_KEY)
                && environment.target() == Target.CONFLUENT_CLOUD) {
            problems.add(Problem.error(vars.file(), Location.NONE,
                    "kafka.auth.mode is SERVICE_ACCOUNT but no service account is named",
                    "Add 'service_account: <display name>' to this vars file."));
        }

        for (Map.Entry<String, String> var : values.entrySet()) {
            if (!used.contains(var.getKey()) && !RESERVED_VARS.contains(var.getKey())) {
                problems.add(Problem.warning(vars.file(), vars.at("/" + escape(var.getKey())),
                        "variable '" + var.getKey() + "' is never used in " + file.getFileName(),
                        "Remove it, or reference it as ${" + var.getKey() + "}."));
            }
        }

        String nameViolation = name == null ? null : ConnectorNames.violation(name);
        if (nameViolation != null) {
            problems.add(Problem.error(file, json.at("/name"),
                    "connector name '" + ConnectorNames.shown(name) + "' " + nameViolation + ": " + ConnectorNames.RULE,
                    "Rename it: the name is part of every Connect API URL and is printed in every plan."));
        } else if (name != null && !project.isManaged(environment.name(), name)) {
            String prefix = project.namePrefix(environment.name());
            problems.add(Problem.error(file, json.at("/name"),
                    "connector name '" + name + "' is outside the managed prefix '" + prefix + "'"
                            + (prefix.equals(project.namePrefix()) ? "" : " of " + environment.name()),
                    "Rename it to start with '" + prefix + "' (ccc never touches other connectors)."));
        }

        if (name != null && config.containsKey("name") && !config.get("name").equals(name)) {
            problems.add(Problem.error(file, json.at("/" + NONSENSITIVE + "/name"),
                    "config_nonsensitive.name '" + config.get("name") + "' differs from the connector name '" + name + "'",
                    "Remove it: ccc sets it from the top-level name."));
        }
        config.remove("name");

        if (problems.stream().anyMatch(Problem::isError) || name == null) {
            return new Rendered(null, problems);
        }
        addDeadLetterQueueDefaults(name, config, project.dlq(), environment.target(), json, problems);
        if (environment.target() == Target.CONFLUENT_CLOUD) {
            warnKeysCloudClassesDoNotDefine(config, json, problems);
        }
        DesiredConnector connector = new DesiredConnector(name, directory, environment.name(), config, sensitive,
                state, serviceAccount, json.file(), vars.file());
        return new Rendered(connector, problems);
    }

    private static Map<String, String> readVars(SourceDocument vars, List<Problem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode root = vars.root();
        if (!root.isObject()) {
            problems.add(Problem.error(vars.file(), vars.at(""), "the vars file must be a mapping of names to values",
                    "Write one 'name: value' per line."));
            return values;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            String pointer = "/" + escape(entry.getKey());
            if (value.isNull()) {
                problems.add(Problem.error(vars.file(), vars.at(pointer), "variable '" + entry.getKey() + "' has no value",
                        "Give it a value, or write '" + entry.getKey() + ": \"\"' for an empty string."));
            } else if (value.isContainerNode()) {
                problems.add(Problem.error(vars.file(), vars.at(pointer),
                        "variable '" + entry.getKey() + "' is a " + (value.isArray() ? "list" : "map"),
                        "Variables are strings, numbers or booleans; Connect configs are flat. For a list of topics write one comma-separated string."));
            } else if (value.isTextual() && value.asText().contains("${vault:")) {
                problems.add(Problem.error(vars.file(), vars.at(pointer),
                        "variable '" + entry.getKey() + "' holds a Vault reference",
                        "Vault references belong in the connector JSON's config_sensitive, not in vars."));
            } else {
                values.put(entry.getKey(), vars.scalarText(pointer, value));
                continue;
            }
            // Already reported: keep the name defined so its uses are not reported again as undefined.
            values.put(entry.getKey(), "");
        }
        return values;
    }

    /** A key Connect has no setting for: reported, and the entry skipped. */
    private static boolean blankKey(SourceDocument json, String pointer, String key, List<Problem> problems) {
        if (!key.isBlank()) {
            return false;
        }
        problems.add(Problem.error(json.file(), json.at(pointer), "empty config key",
                "Remove it, or write the setting's name: Connect has no setting without a name."));
        return true;
    }

    private static Template value(SourceDocument json, String pointer, JsonNode node, List<Problem> problems) {
        if (node.isNull() || node.isContainerNode()) {
            problems.add(Problem.error(json.file(), json.at(pointer),
                    "value must be a string, number or boolean, not " + (node.isNull() ? "null" : node.isArray() ? "a list" : "an object"),
                    "Connect configs are flat strings; write lists as one comma-separated string."));
            return null;
        }
        if (!node.isTextual()) {
            return Template.literal(json.scalarText(pointer, node));
        }
        return template(json, pointer, node.asText(), problems);
    }

    private static Template template(SourceDocument json, String pointer, String text, List<Problem> problems) {
        try {
            return Template.parse(text);
        } catch (Template.SyntaxError e) {
            problems.add(Problem.error(json.file(), json.at(pointer), e.getMessage(),
                    "Write ${name} for a var, ${vault:<path>#<key>} for a secret, $${ for a literal '${'."));
            return null;
        }
    }

    private static boolean defined(SourceDocument json, String pointer, Template template, Map<String, String> values,
                                   Set<String> used, Path varsFile, List<Problem> problems) {
        boolean ok = true;
        for (String variable : template.variables()) {
            used.add(variable);
            if (!values.containsKey(variable)) {
                problems.add(Problem.error(json.file(), json.at(pointer), "undefined variable '${" + variable + "}'",
                        "Define '" + variable + "' in " + varsFile + "."));
                ok = false;
            }
        }
        return ok;
    }

    private static void checkConfig(SourceDocument json, Map<String, String> config, Map<String, Template> sensitive,
                                    ProjectConfig project, List<Problem> problems) {
        Path file = json.file();
        if (!config.containsKey("connector.class") && json.root().path(NONSENSITIVE).isObject()) {
            String hint = sensitive.containsKey("connector.class")
                    ? "Move connector.class from config_sensitive to config_nonsensitive."
                    : "Add \"connector.class\" (e.g. \"AzureBlobSink\") to config_nonsensitive.";
            problems.add(Problem.error(file, json.at("/" + NONSENSITIVE), "'connector.class' is missing", hint));
        }
        String tasks = config.get("tasks.max");
        if (tasks != null) {
            String pointer = "/" + NONSENSITIVE + "/tasks.max";
            int limit = project.limits().maxTasksPerConnector();
            try {
                int value = Integer.parseInt(tasks.trim());
                if (value < 1 || value > limit) {
                    problems.add(Problem.error(file, json.at(pointer),
                            "tasks.max is " + value + ", outside 1.." + limit,
                            value < 1 ? "Write a number from 1 to " + limit + "."
                                    : "Lower it, or raise limits.max_tasks_per_connector in ccc.yaml if your plan allows more."));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.error(file, json.at(pointer), "tasks.max '" + tasks + "' is not a whole number",
                        "Write a number from 1 to " + limit + "."));
            }
        }
    }

    private static DeclaredState declaredState(SourceDocument vars, Map<String, String> values, List<Problem> problems) {
        String status = values.get(STATUS_VAR);
        if (status == null) {
            return DeclaredState.RUNNING;
        }
        try {
            return DeclaredState.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(vars.file(), vars.at("/" + STATUS_VAR), "status '" + status + "' is not RUNNING or PAUSED",
                    "Declare status: RUNNING (the default) or status: PAUSED."));
            return DeclaredState.RUNNING;
        }
    }

    private static String applyServiceAccount(Map<String, String> config, String serviceAccount,
                                              EnvironmentConfig environment, SourceDocument vars,
                                              List<Problem> problems) {
        String authMode = config.get("kafka.auth.mode");
        if (environment.target() != Target.CONFLUENT_CLOUD) {
            problems.add(Problem.warning(vars.file(), vars.at("/" + SERVICE_ACCOUNT_VAR),
                    "service_account is ignored: " + environment.name() + " is a " + environment.target().id()
                            + " target, which has no Confluent Cloud service accounts",
                    "Remove it from this vars file."));
            return null;
        }
        if (!"SERVICE_ACCOUNT".equals(authMode)) {
            problems.add(Problem.warning(vars.file(), vars.at("/" + SERVICE_ACCOUNT_VAR),
                    "service_account is set but kafka.auth.mode is " + (authMode == null ? "not set" : "'" + authMode + "'"),
                    "Set \"kafka.auth.mode\": \"SERVICE_ACCOUNT\" in config_nonsensitive, or remove service_account."));
            return serviceAccount;
        }
        if (serviceAccount.startsWith("sa-") && !config.containsKey(DesiredConnector.SERVICE_ACCOUNT_KEY)) {
            config.put(DesiredConnector.SERVICE_ACCOUNT_KEY, serviceAccount);
        }
        return serviceAccount;
    }

    /**
     * Keys ccc knows, without asking the cluster, that fully-managed classes do not define: Confluent
     * Cloud would drop them silently. (plan asks the cluster about every other key.)
     */
    private static final Map<String, String> KEYS_CLOUD_CLASSES_DO_NOT_DEFINE = Map.of(
            "errors.deadletterqueue.context.headers.enable",
            "of about 100 fully-managed connector classes only one defines it");

    private static void warnKeysCloudClassesDoNotDefine(Map<String, String> config, SourceDocument json,
                                                        List<Problem> problems) {
        KEYS_CLOUD_CLASSES_DO_NOT_DEFINE.forEach((key, why) -> {
            if (config.containsKey(key)) {
                problems.add(Problem.warning(json.file(), json.at("/" + NONSENSITIVE + "/" + escape(key)),
                        "'" + key + "' is most likely not a key of " + config.get("connector.class")
                                + " on Confluent Cloud (" + why + "): the cluster would drop it",
                        "Remove it; 'ccc plan' asks the cluster which keys the class defines and never sends others."));
            }
        });
    }

    /**
     * The context-headers key exists on self-managed workers; on Confluent Cloud almost no class
     * defines it, and a default the cluster drops would show as a change on every plan.
     */
    private static void addDeadLetterQueueDefaults(String name, Map<String, String> config, DlqSettings dlq,
                                                   Target target, SourceDocument json, List<Problem> problems) {
        if (!dlq.enabled() || ConnectorKind.of(config) != ConnectorKind.SINK
                || "none".equalsIgnoreCase(config.getOrDefault("errors.tolerance", "").trim())) {
            return;
        }
        config.putIfAbsent("errors.tolerance", "all");
        if (!config.containsKey("errors.deadletterqueue.topic.name")) {
            String firstTopic = firstTopic(config.get("topics"));
            if (dlq.topicPattern().contains("{topic}") && firstTopic == null) {
                problems.add(Problem.warning(json.file(), json.at("/" + NONSENSITIVE),
                        "no DLQ topic can be derived: the sink has no 'topics' for {topic} in the DLQ pattern",
                        "Set errors.deadletterqueue.topic.name explicitly, or Confluent Cloud picks dlq-lcc-<id>, which changes when the connector is recreated."));
            } else {
                String topic = dlq.topicPattern().replace("{topic}", firstTopic == null ? "" : firstTopic)
                        .replace("{connector}", name);
                config.put("errors.deadletterqueue.topic.name", topic);
            }
        }
        if (target == Target.KAFKA_CONNECT) {
            config.putIfAbsent("errors.deadletterqueue.context.headers.enable", "true");
        }
    }

    static String firstTopic(String topics) {
        if (topics == null) {
            return null;
        }
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                return topic.trim();
            }
        }
        return null;
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
