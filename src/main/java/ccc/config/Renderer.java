package ccc.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges one environment's connector JSON with its vars file: a pure function of the two parsed
 * documents and the project settings, reporting every problem it finds rather than the first.
 */
public final class Renderer {

    public static final String STATUS_VAR = "status";
    public static final String SERVICE_ACCOUNT_VAR = "service_account";
    static final Set<String> RESERVED_VARS = Set.of(STATUS_VAR, SERVICE_ACCOUNT_VAR);
    /**
     * What 'ccc new', the templates and 'ccc import' write for the user to replace: change-me, SA_CHANGE_ME, changeme.
     */
    private static final Pattern SCAFFOLD_PLACEHOLDER =
            Pattern.compile("(?i)(?<![a-z])change[-_]?me(?![a-z])");
    private static final String NONSENSITIVE = "config_nonsensitive";
    private static final String SENSITIVE = "config_sensitive";

    /** The merged connector (null when an error makes it meaningless) and the problems found. */
    public record Rendered(DesiredConnector connector, List<Problem> problems) {
    }

    private Renderer() {
    }

    public static Rendered render(String directory, EnvironmentConfig environment, ProjectConfig project,
                                  SourceDocument json, SourceDocument vars) {
        // What the schemas say (shapes, types, required and unknown keys) is reported by them, once; what follows
        // reads leniently around what they reported and checks what needs both files and ccc.yaml.
        List<Problem> problems = new ArrayList<>(ConfigSchema.CONNECTOR.check(json,
                Map.of("name_prefix", project.namePrefix(environment.name()))));
        problems.addAll(ConfigSchema.VARS.check(vars));
        Map<String, String> values = readVars(vars);
        Set<String> used = new HashSet<>();
        Path file = json.file();
        JsonNode root = json.root();
        if (!root.isObject()) {
            return new Rendered(null, problems);
        }

        String name = null;
        JsonNode nameNode = root.get("name");
        if (nameNode != null && nameNode.isTextual() && !nameNode.asText().isBlank()) {
            Template template = template(json, "/name", nameNode.asText(), problems);
            if (template != null) {
                if (template.hasVaultReferences()) {
                    problems.add(Problem.error(Problem.Rule.PLACEHOLDER, file, json.at("/name"),
                            "a Vault reference cannot be part of a name",
                            "Names are printed everywhere; use a literal or a var."));
                } else if (defined(json, "/name", template, values, used, vars.file(), problems)) {
                    name = template.substitute(values).text();
                }
            }
        }

        Map<String, String> config = new LinkedHashMap<>();
        JsonNode nonsensitive = root.get(NONSENSITIVE);
        if (nonsensitive != null && nonsensitive.isObject()) {
            for (Map.Entry<String, JsonNode> entry : nonsensitive.properties()) {
                String pointer = "/" + NONSENSITIVE + "/" + escape(entry.getKey());
                Template template = value(json, pointer, entry.getKey(), entry.getValue(), problems);
                if (template == null) {
                    continue;
                }
                if (template.hasVaultReferences()) {
                    problems.add(Problem.error(Problem.Rule.PLACEHOLDER, file, json.at(pointer),
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
        if (sensitiveNode != null && sensitiveNode.isObject()) {
            for (Map.Entry<String, JsonNode> entry : sensitiveNode.properties()) {
                String pointer = "/" + SENSITIVE + "/" + escape(entry.getKey());
                if (nonsensitive != null && nonsensitive.isObject() && nonsensitive.has(entry.getKey())
                        && !entry.getKey().isBlank()) {
                    problems.add(Problem.error(Problem.Rule.CONFIG, file, json.at(pointer),
                            "'" + entry.getKey() + "' is in both config_nonsensitive and config_sensitive",
                            "Keep it in one of them only."));
                    continue;
                }
                Template template = value(json, pointer, entry.getKey(), entry.getValue(), problems);
                if (template != null && defined(json, pointer, template, values, used, vars.file(), problems)) {
                    sensitive.put(entry.getKey(), template.substitute(values));
                }
            }
        }

        checkTasks(json, config, project, problems);

        DeclaredState state = declaredState(values);
        String serviceAccount = values.get(SERVICE_ACCOUNT_VAR);
        if (serviceAccount != null) {
            serviceAccount = applyServiceAccount(config, serviceAccount, environment, vars, problems);
        } else if ("SERVICE_ACCOUNT".equals(config.get("kafka.auth.mode"))
                && !config.containsKey(DesiredConnector.SERVICE_ACCOUNT_KEY)
                && environment.kind() == TargetKind.CONFLUENT_CLOUD) {
            problems.add(Problem.error(Problem.Rule.SERVICE_ACCOUNT, vars.file(), Location.NONE,
                    "kafka.auth.mode is SERVICE_ACCOUNT but no service account is named",
                    "Add 'service_account: <display name>' to this vars file."));
        }

        warnOfScaffoldPlaceholders(json, vars, values, problems);
        for (Map.Entry<String, String> var : values.entrySet()) {
            if (!used.contains(var.getKey()) && !RESERVED_VARS.contains(var.getKey())
                    && Template.isVariableName(var.getKey())) {
                problems.add(Problem.warning(Problem.Rule.PLACEHOLDER, vars.file(), vars.at("/" + escape(var.getKey())),
                        "variable '" + var.getKey() + "' is never used in " + file.getFileName(),
                        "Remove it, or reference it as ${" + var.getKey() + "}."));
            }
        }

        String nameViolation = name == null ? null : ConnectorNames.violation(name);
        if (nameViolation != null) {
            problems.add(Problem.error(Problem.Rule.CONNECTOR_NAME, file, json.at("/name"),
                    "connector name '" + ConnectorNames.shown(name) + "' " + nameViolation + ": " + ConnectorNames.RULE,
                    "Rename it: the name is part of every Connect API URL and is printed in every plan."));
        } else if (name != null && !project.isManaged(environment.name(), name)) {
            String prefix = project.namePrefix(environment.name());
            problems.add(Problem.error(Problem.Rule.CONNECTOR_NAME, file, json.at("/name"),
                    "connector name '" + name + "' is outside the managed prefix '" + prefix + "'"
                            + (prefix.equals(project.namePrefix()) ? "" : " of " + environment.name()),
                    "Rename it to start with '" + prefix + "' (ccc never touches other connectors)."));
        }

        if (name != null && config.containsKey("name") && !config.get("name").equals(name)) {
            problems.add(Problem.error(Problem.Rule.CONFIG, file, json.at("/" + NONSENSITIVE + "/name"),
                    "config_nonsensitive.name '" + config.get("name") + "' differs from the connector name '" + name + "'",
                    "Remove it: ccc sets it from the top-level name."));
        }
        config.remove("name");

        if (problems.stream().anyMatch(Problem::isError) || name == null) {
            return new Rendered(null, problems);
        }
        addDeadLetterQueueDefaults(name, config, project.dlq(), environment.kind(), json, problems);
        if (environment.kind() == TargetKind.CONFLUENT_CLOUD) {
            warnKeysCloudClassesDoNotDefine(config, json, problems);
        }
        DesiredConnector connector = new DesiredConnector(name, directory, environment.name(), config, sensitive,
                state, serviceAccount, json.file(), vars.file());
        return new Rendered(connector, problems);
    }

    /**
     * A value still holding a scaffold's placeholder passes every check but fails at apply (Confluent Cloud answers
     * 400, the service account is not found): a warning where it is written, a vars file's value or a literal of
     * the JSON.
     */
    private static void warnOfScaffoldPlaceholders(SourceDocument json, SourceDocument vars, Map<String, String> values,
                                                   List<Problem> problems) {
        String hint = "Replace it with the real value before you apply: ccc sends it as it is, and the cluster refuses "
                + "it or the connector fails.";
        values.forEach((key, value) -> {
            Matcher placeholder = SCAFFOLD_PLACEHOLDER.matcher(value);
            if (placeholder.find()) {
                problems.add(Problem.warning(Problem.Rule.SCAFFOLD, vars.file(), vars.at("/" + escape(key)),
                        "'" + key + "' is still the placeholder '" + value + "'", hint));
            }
        });
        for (String section : List.of(NONSENSITIVE, SENSITIVE)) {
            JsonNode map = json.root().get(section);
            if (map == null || !map.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                if (entry.getValue().isTextual() && SCAFFOLD_PLACEHOLDER.matcher(entry.getValue().asText()).find()) {
                    problems.add(Problem.warning(Problem.Rule.SCAFFOLD, json.file(),
                            json.at("/" + section + "/" + escape(entry.getKey())),
                            "'" + entry.getKey() + "' is still the placeholder '" + entry.getValue().asText() + "'", hint));
                }
            }
        }
    }

    /**
     * Every variable's value as written. A value the vars schema refuses (null, a list or map, a Vault reference)
     * is reported by it; it stays defined, as empty, so that its uses are not reported again as undefined.
     */
    private static Map<String, String> readVars(SourceDocument vars) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!vars.root().isObject()) {
            return values;
        }
        for (Map.Entry<String, JsonNode> entry : vars.root().properties()) {
            JsonNode value = entry.getValue();
            boolean usable = value.isValueNode() && !value.isNull()
                    && !(value.isTextual() && value.asText().contains("${vault:"));
            values.put(entry.getKey(), usable ? vars.scalarText("/" + escape(entry.getKey()), value) : "");
        }
        return values;
    }

    /** A config value as a template; null for an entry the connector schema refuses (an empty key, no scalar). */
    private static Template value(SourceDocument json, String pointer, String key, JsonNode node,
                                  List<Problem> problems) {
        if (key.isBlank() || node.isNull() || node.isContainerNode()) {
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
            problems.add(Problem.error(Problem.Rule.PLACEHOLDER, json.file(), json.at(pointer), e.getMessage(),
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
                problems.add(Problem.error(Problem.Rule.PLACEHOLDER, json.file(), json.at(pointer),
                        "undefined variable '${" + variable + "}'", "Define '" + variable + "' in " + varsFile + "."));
                ok = false;
            }
        }
        return ok;
    }

    /** tasks.max, once its vars are substituted, within limits.max_tasks_per_connector of ccc.yaml. */
    private static void checkTasks(SourceDocument json, Map<String, String> config, ProjectConfig project,
                                   List<Problem> problems) {
        Path file = json.file();
        String tasks = config.get("tasks.max");
        if (tasks != null) {
            String pointer = "/" + NONSENSITIVE + "/tasks.max";
            int limit = project.limits().maxTasksPerConnector();
            try {
                int value = Integer.parseInt(tasks.trim());
                if (value < 1 || value > limit) {
                    problems.add(Problem.error(Problem.Rule.TASK_LIMIT, file, json.at(pointer),
                            "tasks.max is " + value + ", outside 1.." + limit,
                            value < 1 ? "Write a number from 1 to " + limit + "."
                                    : "Lower it, or raise limits.max_tasks_per_connector in ccc.yaml if your plan allows more."));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.error(Problem.Rule.TASK_LIMIT, file, json.at(pointer),
                        "tasks.max '" + tasks + "' is not a whole number", "Write a number from 1 to " + limit + "."));
            }
        }
    }

    /** The status var, which the vars schema has checked: RUNNING unless it says PAUSED. */
    private static DeclaredState declaredState(Map<String, String> values) {
        String status = values.get(STATUS_VAR);
        return status != null && status.trim().equalsIgnoreCase(DeclaredState.PAUSED.name())
                ? DeclaredState.PAUSED : DeclaredState.RUNNING;
    }

    private static String applyServiceAccount(Map<String, String> config, String serviceAccount,
                                              EnvironmentConfig environment, SourceDocument vars,
                                              List<Problem> problems) {
        String authMode = config.get("kafka.auth.mode");
        if (environment.kind() != TargetKind.CONFLUENT_CLOUD) {
            problems.add(Problem.warning(Problem.Rule.SERVICE_ACCOUNT, vars.file(), vars.at("/" + SERVICE_ACCOUNT_VAR),
                    "service_account is ignored: " + environment.name() + " is a " + environment.kind().id()
                            + " target, which has no Confluent Cloud service accounts",
                    "Remove it from this vars file."));
            return null;
        }
        if (!"SERVICE_ACCOUNT".equals(authMode)) {
            problems.add(Problem.warning(Problem.Rule.SERVICE_ACCOUNT, vars.file(), vars.at("/" + SERVICE_ACCOUNT_VAR),
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
                problems.add(Problem.warning(Problem.Rule.UNDEFINED_KEY, json.file(),
                        json.at("/" + NONSENSITIVE + "/" + escape(key)),
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
                                                   TargetKind target, SourceDocument json, List<Problem> problems) {
        if (!dlq.enabled() || ConnectorKind.of(config) != ConnectorKind.SINK
                || "none".equalsIgnoreCase(config.getOrDefault("errors.tolerance", "").trim())) {
            return;
        }
        config.putIfAbsent("errors.tolerance", "all");
        if (!config.containsKey("errors.deadletterqueue.topic.name")) {
            String firstTopic = firstTopic(config.get("topics"));
            if (dlq.topicPattern().contains("{topic}") && firstTopic == null) {
                problems.add(Problem.warning(Problem.Rule.DLQ, json.file(), json.at("/" + NONSENSITIVE),
                        "no DLQ topic can be derived: the sink has no 'topics' for {topic} in the DLQ pattern",
                        "Set errors.deadletterqueue.topic.name explicitly, or Confluent Cloud picks dlq-lcc-<id>, which changes when the connector is recreated."));
            } else {
                String topic = dlq.topicPattern().replace("{topic}", firstTopic == null ? "" : firstTopic)
                        .replace("{connector}", name);
                config.put("errors.deadletterqueue.topic.name", topic);
            }
        }
        if (target == TargetKind.KAFKA_CONNECT) {
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
