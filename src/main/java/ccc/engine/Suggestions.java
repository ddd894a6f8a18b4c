package ccc.engine;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.config.Workspace;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Did you mean" for names that do not exist. */
public final class Suggestions {

    private Suggestions() {
    }

    /** ". Did you mean: a, b?" for the known names closest to the given one, or ".". */
    public static String closest(String name, List<String> known) {
        List<String> close = close(name, known);
        return close.isEmpty() ? "." : ". Did you mean: " + String.join(", ", close) + "?";
    }

    /** The (at most three) known names closest to the given one, closest first. */
    static List<String> close(String name, Collection<String> known) {
        return known.stream()
                .distinct()
                .filter(candidate -> distance(name, candidate) <= Math.max(3, name.length() / 3)
                        || candidate.contains(name) || name.contains(candidate))
                .sorted(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .limit(3)
                .toList();
    }

    /**
     * ". Did you mean: a, b?" for a NAME argument that names no connector, the same wherever a command takes NAME:
     * it is compared with the connector names and the directory names the repository declares in the environment
     * and with {@code others} (the cluster's, say), and the closest connectors are offered by name.
     */
    public static String closestConnector(String typed, Workspace workspace, String environment,
                                          Collection<String> others) {
        List<String> close = closeConnectors(typed, workspace, environment, others);
        return close.isEmpty() ? "." : ". Did you mean: " + String.join(", ", close) + "?";
    }

    /** The connectors {@link #closestConnector} offers, by name. */
    public static List<String> closeConnectors(String typed, Workspace workspace, String environment,
                                               Collection<String> others) {
        Map<String, String> nameOf = new LinkedHashMap<>();
        for (DesiredConnector connector : workspace.connectors(environment)) {
            nameOf.put(connector.name(), connector.name());
            nameOf.putIfAbsent(connector.directory(), connector.name());
        }
        others.forEach(name -> nameOf.putIfAbsent(name, name));
        return close(typed, nameOf.keySet()).stream().map(nameOf::get).distinct().toList();
    }

    /**
     * An --env that ccc.yaml does not declare: a usage error (exit 64) with the closest environment and
     * every one there is, e.g. "unknown environment 'dve'; did you mean dev? ccc.yaml declares dev, cert, prod.".
     */
    public static CccException unknownEnvironment(String name, Collection<String> known) {
        List<String> close = close(name, known);
        // Environment names are short: only the nearest ones are worth offering ('prd' is prod, not dev).
        int nearest = close.isEmpty() ? 0 : distance(name, close.get(0));
        close = close.stream().filter(candidate -> distance(name, candidate) == nearest).toList();
        return CccException.usage("unknown environment '" + name + "'"
                + (close.isEmpty() ? ";" : "; did you mean " + String.join(" or ", close) + "?")
                + (known.isEmpty() ? " ccc.yaml declares no environment." : " ccc.yaml declares "
                + String.join(", ", known) + "."));
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
