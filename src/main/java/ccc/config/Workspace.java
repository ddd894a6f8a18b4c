package ccc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration repository as loaded for some environments: project settings, every
 * connector that rendered, and every problem found on the way.
 */
public record Workspace(Path root, ProjectConfig config, List<String> environments,
                        List<DesiredConnector> connectors, List<Problem> problems) {

    public Workspace {
        environments = List.copyOf(environments);
        connectors = List.copyOf(connectors);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(Problem::isWarning).toList();
    }

    public List<DesiredConnector> connectors(String environment) {
        return connectors.stream().filter(c -> c.environment().equals(environment)).toList();
    }

    /** NAME arguments may be a connector's name or its directory's: this is the connector name. */
    public String connectorName(String environment, String nameOrDirectory) {
        return connectors(environment).stream().filter(c -> c.directory().equals(nameOrDirectory))
                .map(DesiredConnector::name).findFirst().orElse(nameOrDirectory);
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return config == null ? Optional.empty() : Optional.ofNullable(config.environments().get(name));
    }
}
