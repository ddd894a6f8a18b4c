package ccc.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            problems.add(Problem.error(config.file(), Location.pointer("/environments"),
                    "unknown environment '" + environment + "'",
                    "Known environments: " + String.join(", ", config.environments().keySet())
                            + ". Use one of them with --env, or declare it in ccc.yaml."));
            return new Workspace(root, config, List.of(), List.of(), problems);
        }

        List<DesiredConnector> connectors = new ArrayList<>();
        for (Path directory : connectorDirectories(root, problems)) {
            connectors.addAll(loadDirectory(directory, config, selected, problems));
        }
        for (String env : selected) {
            checkEnvironment(env, connectors, config, problems);
        }
        return new Workspace(root, config, selected, connectors, problems);
    }

    private static List<Path> connectorDirectories(Path root, List<Problem> problems) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(Problem.error(root, Location.NONE, "cannot list the config root", e.getMessage()));
            return List.of();
        }
    }

    private static List<DesiredConnector> loadDirectory(Path directory, ProjectConfig config, List<String> selected,
                                                        List<Problem> problems) {
        String name = directory.getFileName().toString();
        String jsonSuffix = "-" + name + ".json";
        Map<String, Path> jsonFiles = new TreeMap<>();
        Map<String, Path> varsFiles = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error(directory, Location.NONE, "cannot list the directory", e.getMessage()));
            return List.of();
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String environment;
            if (fileName.endsWith(jsonSuffix) && fileName.length() > jsonSuffix.length()) {
                environment = fileName.substring(0, fileName.length() - jsonSuffix.length());
                jsonFiles.put(environment, file);
            } else if (fileName.endsWith(VARS_SUFFIX) && fileName.length() > VARS_SUFFIX.length()) {
                environment = fileName.substring(0, fileName.length() - VARS_SUFFIX.length());
                varsFiles.put(environment, file);
            } else if (fileName.endsWith(".json") || fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                problems.add(Problem.error(file, Location.NONE,
                        "file name does not follow <env>-" + name + ".json or <env>-vars.yaml",
                        "Rename it (the JSON must carry the directory's name), or move it out of the connector directory."));
                continue;
            } else {
                continue;
            }
            if (!config.environments().containsKey(environment)) {
                problems.add(Problem.error(file, Location.NONE,
                        "environment prefix '" + environment + "' matches no environment in ccc.yaml",
                        "Known environments: " + String.join(", ", config.environments().keySet())
                                + ". Rename the file or declare the environment."));
            }
        }
        if (jsonFiles.isEmpty() && varsFiles.isEmpty()) {
            problems.add(Problem.warning(directory, Location.NONE, "no connector files in this directory",
                    "Add <env>-" + name + ".json and <env>-vars.yaml, or remove the directory."));
        }

        List<DesiredConnector> connectors = new ArrayList<>();
        for (String environment : selected) {
            Path json = jsonFiles.get(environment);
            Path vars = varsFiles.get(environment);
            if (json == null && vars != null) {
                problems.add(Problem.warning(vars, Location.NONE,
                        "vars file without " + environment + jsonSuffix + ": nothing is deployed in " + environment,
                        "Add the connector JSON, or remove the vars file."));
            }
            if (json == null) {
                continue;
            }
            if (vars == null) {
                problems.add(Problem.error(json, Location.NONE, "missing " + environment + VARS_SUFFIX + " beside it",
                        "Create " + directory.resolve(environment + VARS_SUFFIX) + " (it may be empty, or hold status: RUNNING)."));
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
            }
        }
        return connectors;
    }

    private static SourceDocument parse(Path file, boolean json, List<Problem> problems) {
        try {
            return json ? SourceDocument.parseJson(file) : SourceDocument.parseYaml(file);
        } catch (SourceDocument.Unparseable e) {
            problems.add(e.problem());
            return null;
        }
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
                problems.add(Problem.error(connector.jsonFile(), Location.pointer("/name"),
                        "connector name '" + connector.name() + "' is also declared by " + first.jsonFile()
                                + " in " + environment,
                        "Names identify connectors in the cluster: give each directory its own name."));
            }
        }
        int limit = config.limits().maxConnectorsPerCluster();
        if (count > limit) {
            problems.add(Problem.error(config.file(), Location.pointer("/limits"),
                    environment + " declares " + count + " connectors, above the limit of " + limit + " per cluster",
                    "Remove some, or raise limits.max_connectors_per_cluster if your Confluent plan allows more."));
        }
    }

}
