package ccc.cli;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.workflow.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** NAME... arguments: connector names or directory names, checked with close matches offered. */
final class Selection {

    private Selection() {
    }

    static List<DesiredConnector> select(List<DesiredConnector> connectors, List<String> names, String environment) {
        if (names == null || names.isEmpty()) {
            return connectors;
        }
        Set<DesiredConnector> selected = new LinkedHashSet<>();
        for (String name : names) {
            List<DesiredConnector> matches = connectors.stream()
                    .filter(c -> c.name().equals(name) || c.directory().equals(name))
                    .toList();
            if (matches.isEmpty()) {
                throw new CccException("no connector named '" + name + "' in " + environment
                        + Suggestions.closest(name, connectors.stream().map(DesiredConnector::name).toList()));
            }
            selected.addAll(matches);
        }
        return List.copyOf(selected);
    }
}
