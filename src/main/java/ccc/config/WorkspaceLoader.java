package ccc.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Walks the config root: ccc.yaml, then one directory per connector holding E-&lt;dir&gt;.json and
 * E-vars.yaml per environment E. Reports every problem of every file in one pass.
 */
public final class WorkspaceLoader {

    private static final String VARS_SUFFIX = "-vars.yaml";

    private WorkspaceLoader() {
    }

    /**
     * @param environment the one environment to render, or null for all of them
     */
    public static Workspace load(Path root, String environment) {
        ProjectConfigLoader.Result project = ProjectConfigLoader.load(root);
        List<Problem> problems = new ArrayList<>(project.problems());
        ProjectConfig config = project.config();
        if (config == null) {
            return new Workspace(root, null, List.of(), List.of(), problems);
        }
        List<String> selected;
        if (environment == null) {
            selected = List.copyOf(config.environments().keySet());
        } else if (config.environments().containsKey(environment)) {
            selected = List.of(environment);
        } else {
            problems.add(Problem.error(Problem.Rule.ENVIRONMENT, config.file(), Location.pointer("/environments"),
                    "unknown environment '" + environment + "'",
                    "Known environments: " + String.join(", ", config.environments().keySet())
                            + ". Use one of them with --env, or declare it in ccc.yaml."));
            return new Workspace(root, config, List.of(), List.of(), problems);
        }

        List<DesiredConnector> connectors = new ArrayList<>();
        Set<Policy.Exemption> waiving = new HashSet<>();
        for (Path directory : connectorDirectories(root, problems)) {
            connectors.addAll(loadDirectory(directory, config, selected, problems, waiving));
        }
        for (String env : selected) {
            checkEnvironment(env, connectors, config, problems);
        }
        if (environment == null && problems.stream().noneMatch(Problem::isError)) {
            problems.addAll(exemptionsThatWaiveNothing(config, waiving));
        }
        return new Workspace(root, config, selected, connectors, problems);
    }

    /**
     * The environment a file of a connector directory is for ({@code E-<directory>.json} and
     * {@code E-vars.yaml} are E's), whether or not ccc.yaml declares it; null for any other file.
     */
    public static String environmentOf(String directory, String fileName) {
        String jsonSuffix = "-" + directory + ".json";
        if (fileName.endsWith(jsonSuffix) && fileName.length() > jsonSuffix.length()) {
            return fileName.substring(0, fileName.length() - jsonSuffix.length());
        }
        if (fileName.endsWith(VARS_SUFFIX) && fileName.length() > VARS_SUFFIX.length()) {
            return fileName.substring(0, fileName.length() - VARS_SUFFIX.length());
        }
        return null;
    }

    private static List<Path> connectorDirectories(Path root, List<Problem> problems) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(Problem.error(Problem.Rule.FILE, root, Location.NONE, "cannot list the config root: " + SourceDocument.reason(e),
                    "Check its permissions."));
            return List.of();
        }
    }

    private static List<DesiredConnector> loadDirectory(Path directory, ProjectConfig config, List<String> selected,
                                                        List<Problem> problems, Set<Policy.Exemption> waiving) {
        String name = directory.getFileName().toString();
        String jsonSuffix = "-" + name + ".json";
        Map<String, Path> jsonFiles = new TreeMap<>();
        Map<String, Path> varsFiles = new TreeMap<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            // Hidden entries (.gitkeep, .DS_Store, editor swap files) are not the user's connectors: ignored.
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error(Problem.Rule.FILE, directory, Location.NONE,
                    "cannot list the directory: " + SourceDocument.reason(e), "Check its permissions."));
            return List.of();
        }
        Set<String> known = config.environments().keySet();
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            String environment = environmentOf(name, fileName);
            if (environment == null) {
                problems.add(unreadEntry(entry, name, known));
                continue;
            }
            (fileName.endsWith(jsonSuffix) ? jsonFiles : varsFiles).put(environment, entry);
            if (!known.contains(environment)) {
                String nearMiss = nearMiss(fileName, name, known);
                problems.add(Problem.error(Problem.Rule.LAYOUT, entry, Location.NONE,
                        "environment prefix '" + environment + "' matches no environment in ccc.yaml",
                        nearMiss != null ? renameHint(nearMiss)
                                : "Known environments: " + String.join(", ", known)
                                        + ". Rename the file or declare the environment."));
            }
        }
        if (jsonFiles.isEmpty() && varsFiles.isEmpty()) {
            problems.add(Problem.warning(Problem.Rule.LAYOUT, directory, Location.NONE, "no connector files in this directory",
                    "Add <env>-" + name + ".json and <env>-vars.yaml, or remove the directory."));
        }

        List<DesiredConnector> connectors = new ArrayList<>();
        for (String environment : selected) {
            Path json = jsonFiles.get(environment);
            Path vars = varsFiles.get(environment);
            if (json == null && vars != null) {
                problems.add(Problem.warning(Problem.Rule.LAYOUT, vars, Location.NONE,
                        "vars file without " + environment + jsonSuffix + ": nothing is deployed in " + environment,
                        "Add the connector JSON, or remove the vars file."));
            }
            if (json == null) {
                continue;
            }
            if (vars == null) {
                problems.add(Problem.error(Problem.Rule.LAYOUT, json, Location.NONE, "missing " + environment + VARS_SUFFIX + " beside it",
                        "Create it next to the JSON (it may be empty, or hold status: RUNNING)."));
                continue;
            }
            SourceDocument jsonDocument = parse(json, true, problems);
            SourceDocument varsDocument = parse(vars, false, problems);
            if (jsonDocument == null || varsDocument == null) {
                continue;
            }
            Renderer.Rendered rendered = Renderer.render(name, config.environments().get(environment), config,
                    jsonDocument, varsDocument);
            problems.addAll(rendered.problems());
            if (rendered.connector() != null) {
                connectors.add(rendered.connector());
                problems.addAll(PolicyProblems.check(config, rendered.connector(), jsonDocument,
                        varsDocument, waiving));
            }
        }
        return connectors;
    }

    /**
     * Every entry of a connector directory that ccc does not read is an error: a misnamed connector file would
     * otherwise be a connector silently not deployed, which {@code --prune} then deletes.
     */
    private static Problem unreadEntry(Path entry, String directory, Set<String> environments) {
        if (Files.isDirectory(entry)) {
            return Problem.error(Problem.Rule.LAYOUT, entry, Location.NONE, "a directory inside a connector directory",
                    "A connector directory holds only <env>-" + directory + ".json and <env>-vars.yaml files; "
                            + "move it out (ccc does not read it).");
        }
        String nearMiss = nearMiss(entry.getFileName().toString(), directory, environments);
        return Problem.error(Problem.Rule.LAYOUT, entry, Location.NONE,
                "file name does not follow <env>-" + directory + ".json or <env>-vars.yaml",
                nearMiss != null ? renameHint(nearMiss)
                        : "ccc does not read it, so a connector in it would not be deployed: rename it, or move it "
                                + "out of the connector directory.");
    }

    private static String renameHint(String expected) {
        return "Rename it to " + expected + " (names are case-sensitive; the extensions are .json and .yaml). "
                + "Until then ccc does not read it, and --prune would delete its connector.";
    }

    private static final Set<String> NEAR_EXTENSIONS = Set.of("json", "jsonc", "json5", "yaml", "yml");

    /**
     * The file name meant, when this one differs from {@code <env>-<directory>.json} or {@code <env>-vars.yaml}
     * only by case, by its extension (.yml, .jsonc...), or, for a JSON file, by an old directory name; else null.
     */
    static String nearMiss(String fileName, String directory, Set<String> environments) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        int dash = lower.indexOf('-');
        if (dot < 0 || dash <= 0 || dash > dot || !NEAR_EXTENSIONS.contains(lower.substring(dot + 1))) {
            return null;
        }
        String prefix = lower.substring(0, dash);
        String rest = lower.substring(dash + 1, dot);
        String environment = environments.stream().filter(e -> e.equalsIgnoreCase(prefix)).findFirst().orElse(null);
        if (environment == null) {
            return null;
        }
        if (rest.equals("vars")) {
            return environment + VARS_SUFFIX;
        }
        if (lower.substring(dot + 1).startsWith("json") || rest.equalsIgnoreCase(directory)) {
            return environment + "-" + directory + ".json";
        }
        return null;
    }

    private static SourceDocument parse(Path file, boolean json, List<Problem> problems) {
        try {
            return json ? SourceDocument.parseJson(file) : SourceDocument.parseYaml(file);
        } catch (SourceDocument.Unparseable e) {
            problems.add(e.problem());
            return null;
        }
    }

    /** An exception that waives no violation in any environment is stale: it would hide the next one. */
    private static List<Problem> exemptionsThatWaiveNothing(ProjectConfig config, Set<Policy.Exemption> waiving) {
        List<Problem> problems = new ArrayList<>();
        for (Policy policy : config.policies().all()) {
            for (Policy.Exemption exemption : policy.exceptions()) {
                if (!waiving.contains(exemption)) {
                    problems.add(Problem.warning(Problem.Rule.POLICIES, config.file(), exemption.location(),
                            "the exception to policy '" + policy.id() + "' for " + String.join(", ",
                                    exemption.connectors()) + " (owner: " + exemption.owner() + ") waives nothing: "
                                    + "no connector it names fails the policy",
                            "Remove it, so that the policy covers those connectors again."));
                }
            }
        }
        return problems;
    }

    private static void checkEnvironment(String environment, List<DesiredConnector> connectors, ProjectConfig config,
                                         List<Problem> problems) {
        Map<String, DesiredConnector> byName = new LinkedHashMap<>();
        int count = 0;
        for (DesiredConnector connector : connectors) {
            if (!connector.environment().equals(environment)) {
                continue;
            }
            count++;
            DesiredConnector first = byName.putIfAbsent(connector.name(), connector);
            if (first != null) {
                problems.add(Problem.error(Problem.Rule.CONNECTOR_NAME, connector.jsonFile(), Location.pointer("/name"),
                        "connector name '" + connector.name() + "' is also declared by " + first.jsonFile()
                                + " in " + environment,
                        "Names identify connectors in the cluster: give each directory its own name."));
            }
        }
        int limit = config.limits().maxConnectorsPerCluster();
        if (count > limit) {
            problems.add(Problem.error(Problem.Rule.CONNECTOR_LIMIT, config.file(), Location.pointer("/limits"),
                    environment + " declares " + count + " connectors, above the limit of " + limit + " per cluster",
                    "Remove some, or raise limits.max_connectors_per_cluster if your Confluent plan allows more."));
        }
    }

}
