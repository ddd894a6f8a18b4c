package ccc.engine;

import java.util.Comparator;
import java.util.List;

/** "Did you mean" for names that do not exist. */
public final class Suggestions {

    private Suggestions() {
    }

    /** ". Did you mean: a, b?" for the known names closest to the given one, or ".". */
    public static String closest(String name, List<String> known) {
        List<String> close = known.stream()
                .distinct()
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
