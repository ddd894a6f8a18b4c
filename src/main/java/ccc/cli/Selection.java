package ccc.cli;

import ccc.CccException;
import ccc.config.DesiredConnector;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** NAME... arguments: connector names or directory names, checked with close matches offered. */
final class Selection {

    private Selection() {
    }

    static List<DesiredConnector> select(List<DesiredConnector> connectors, List<String> names) {
        if (names == null || names.isEmpty()) {
            return connectors;
        }
        Set<DesiredConnector> selected = new LinkedHashSet<>();
        for (String name : names) {
            List<DesiredConnector> matches = connectors.stream()
                    .filter(c -> c.name().equals(name) || c.directory().equals(name))
                    .toList();
            if (matches.isEmpty()) {
                throw new CccException("no connector named '" + name + "' in this environment"
                        + suggestions(name, connectors.stream().map(DesiredConnector::name).toList()));
            }
            selected.addAll(matches);
        }
        return List.copyOf(selected);
    }

    /** " Did you mean: a, b?" for the known names closest to the given one, or "". */
    static String suggestions(String name, List<String> known) {
        List<String> close = known.stream()
                .filter(candidate -> distance(name, candidate) <= Math.max(3, name.length() / 3)
                        || candidate.contains(name) || name.contains(candidate))
                .sorted(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .limit(3)
                .toList();
        return close.isEmpty() ? "." : ". Did you mean: " + String.join(", ", close) + "?";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
