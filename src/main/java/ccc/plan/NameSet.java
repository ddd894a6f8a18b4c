package ccc.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The names one connector uses on one side of its data (topics, hosts, databases, tables, paths),
 * compared the way the system that owns them compares them. Two sets overlap when they share a
 * name: the same name; a pattern of one that matches a name, or the pattern text, of the other
 * (two regexes are not intersected, but a pattern that matches the other's text is taken as
 * overlapping, which errs on the side of "the same data"); and, for qualified names, an
 * unqualified name equal to the other's last part ({@code orders} and {@code public.orders}).
 */
final class NameSet {

    private record Entry(String text, Pattern pattern) {
    }

    private final List<Entry> entries;
    private final boolean ignoreCase;
    private final boolean qualified;

    private NameSet(List<Entry> entries, boolean ignoreCase, boolean qualified) {
        this.entries = List.copyOf(entries);
        this.ignoreCase = ignoreCase;
        this.qualified = qualified;
    }

    /** Names compared as written: file paths, topics. */
    static NameSet exact(Collection<String> names) {
        return literal(names, false);
    }

    /** Names of systems that ignore case: hosts, database, bucket and container names. */
    static NameSet ignoringCase(Collection<String> names) {
        return literal(names, true);
    }

    /** A sink's {@code topics} (exact names) and {@code topics.regex} (matched against whole names, as Kafka does). */
    static NameSet topics(String list, String regex) {
        List<Entry> entries = new ArrayList<>();
        split(list).forEach(topic -> entries.add(new Entry(topic, null)));
        if (regex != null && !regex.isBlank()) {
            entries.add(new Entry(regex.trim(), compile(regex.trim(), false)));
        }
        return new NameSet(entries, false, false);
    }

    /**
     * Include lists of databases, tables and collections: each entry is a regular expression over
     * (possibly qualified) names in the CDC connectors and a plain name in the JDBC ones; either way
     * it is read as both, ignoring case as the databases do for unquoted names.
     */
    static NameSet identifiers(Collection<String> names) {
        List<Entry> entries = names.stream().map(name -> new Entry(name, compile(name, true))).toList();
        return new NameSet(entries, true, true);
    }

    /** A comma-separated list, trimmed, blanks dropped: {@code "b, a"} and {@code "a,b"} name the same two. */
    static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A name both sets share, described for a person ("orders-eu (matched by orders-.*)"), or empty. */
    Optional<String> sharedWith(NameSet other) {
        for (Entry mine : entries) {
            for (Entry theirs : other.entries) {
                Optional<String> shared = shared(mine, theirs);
                if (shared.isPresent()) {
                    return shared;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> shared(Entry a, Entry b) {
        if (same(a.text(), b.text())) {
            return Optional.of(a.text());
        }
        if (a.pattern() != null && a.pattern().matcher(b.text()).matches()) {
            return Optional.of(b.text() + " (matched by " + a.text() + ")");
        }
        if (b.pattern() != null && b.pattern().matcher(a.text()).matches()) {
            return Optional.of(a.text() + " (matched by " + b.text() + ")");
        }
        if (qualified && unqualifiedMatch(a.text(), b.text())) {
            return Optional.of(a.text() + " (as " + b.text() + ")");
        }
        if (qualified && unqualifiedMatch(b.text(), a.text())) {
            return Optional.of(b.text() + " (as " + a.text() + ")");
        }
        return Optional.empty();
    }

    private boolean unqualifiedMatch(String bare, String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return !bare.contains(".") && dot >= 0 && same(bare, qualifiedName.substring(dot + 1));
    }

    private boolean same(String a, String b) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    private static NameSet literal(Collection<String> names, boolean ignoreCase) {
        List<Entry> entries = names.stream().filter(name -> name != null && !name.isBlank())
                .map(name -> new Entry(ignoreCase ? name.trim().toLowerCase(Locale.ROOT) : name.trim(), null))
                .toList();
        return new NameSet(entries, ignoreCase, false);
    }

    /** A pattern validate would reject still compares by its text rather than failing the plan. */
    private static Pattern compile(String regex, boolean ignoreCase) {
        try {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
