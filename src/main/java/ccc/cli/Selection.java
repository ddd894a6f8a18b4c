package ccc.cli;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.config.Workspace;
import ccc.engine.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** NAME... arguments: connector names or directory names, checked with close matches offered. */
final class Selection {

    private Selection() {
    }

    static List<DesiredConnector> select(Workspace workspace, String environment, List<String> names) {
        List<DesiredConnector> connectors = workspace.connectors(environment);
        if (names == null || names.isEmpty()) {
            return connectors;
        }
        Set<DesiredConnector> selected = new LinkedHashSet<>();
        for (String name : names) {
            String connectorName = workspace.connectorName(environment, name);
            List<DesiredConnector> matches = connectors.stream().filter(c -> c.name().equals(connectorName)).toList();
            if (matches.isEmpty()) {
                throw new CccException("no connector named '" + name + "' in " + environment
                        + Suggestions.closestConnector(name, workspace, environment, List.of()));
            }
            selected.addAll(matches);
        }
        return List.copyOf(selected);
    }
}
