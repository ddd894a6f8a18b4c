package ccc.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * What Jackson's YAML reading leaves unbounded or gets wrong, checked on SnakeYAML's events before Jackson reads
 * the file (SnakeYAML's own limits, maxAliasesForCollections and nestingDepthLimit, apply only to its composer,
 * which Jackson does not use):
 * <ul>
 *   <li>nesting depth, reported where the limit is crossed;</li>
 *   <li>alias expansion: an alias replays its anchor's values, so a 33 kB file of aliases to one long anchored
 *       list expanded to 45 million values and ran out of memory after a minute;</li>
 *   <li>an alias inside an anchored block: Jackson's anchor-replaying parser records the block without the values
 *       the alias brings, so {@code b: &b [*a, *a]} then {@code c: *b} read as an empty list. Refusing it also
 *       stops the classic "billion laughs", where each anchor aliases the previous one, at its first alias.</li>
 * </ul>
 * Syntax errors are left to Jackson, which reports them from the same SnakeYAML parser.
 */
final class YamlGuard {

    /** How many values the aliases of one file may expand to, in all: far more than a config file needs. */
    static final int MAX_ALIAS_VALUES = 1_000;

    private record Anchored(String anchor, int depth, int valuesBefore) {
    }

    private YamlGuard() {
    }

    /** The first limit the text crosses, as a problem at its place, or null. */
    static Problem check(Path file, String text, int maxDepth) {
        ParserImpl parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
        Map<String, Integer> sizes = new HashMap<>();
        Deque<Anchored> anchored = new ArrayDeque<>();
        int depth = 0;
        int values = 0;
        int replayed = 0;
        try {
            for (Event event = parser.getEvent(); event != null && !(event instanceof StreamEndEvent);
                 event = parser.getEvent()) {
                if (event instanceof CollectionStartEvent start) {
                    values++;
                    if (++depth > maxDepth) {
                        return SourceDocument.nestedTooDeep(file, at(event.getStartMark()));
                    }
                    if (start.getAnchor() != null) {
                        anchored.push(new Anchored(start.getAnchor(), depth, values - 1));
                    }
                } else if (event instanceof CollectionEndEvent) {
                    if (!anchored.isEmpty() && anchored.peek().depth() == depth) {
                        Anchored done = anchored.pop();
                        sizes.put(done.anchor(), values - done.valuesBefore());
                    }
                    depth--;
                } else if (event instanceof ScalarEvent scalar) {
                    values++;
                    if (scalar.getAnchor() != null) {
                        sizes.put(scalar.getAnchor(), 1);
                    }
                } else if (event instanceof AliasEvent alias) {
                    if (!anchored.isEmpty()) {
                        String outer = anchored.peek().anchor();
                        return Problem.error(Problem.Rule.SYNTAX, file, at(event.getStartMark()),
                                "the alias *" + alias.getAnchor() + " inside the anchored &" + outer
                                        + " block cannot be read reliably",
                                "Write the values of &" + outer + " out in full, or anchor only blocks that hold no alias.");
                    }
                    replayed += sizes.getOrDefault(alias.getAnchor(), 0);
                    if (replayed > MAX_ALIAS_VALUES) {
                        return Problem.error(Problem.Rule.SYNTAX, file, at(event.getStartMark()),
                                String.format(Locale.ROOT, "the aliases in this file expand to more than %,d values",
                                        MAX_ALIAS_VALUES),
                                "A config file needs a few aliases at most; write the values out instead of "
                                        + "repeating an alias to a large block.");
                    }
                }
            }
            return null;
        } catch (YAMLException e) {
            return null;
        }
    }

    private static Location at(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1, "");
    }
}
