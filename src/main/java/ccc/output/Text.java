package ccc.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How text that ccc did not write itself (connector names, config keys and values, server messages,
 * traces) is shown to a person: every control character visibly escaped, so that a value can neither
 * start a line of its own (and forge "- peve-x will be deleted"), nor move the cursor, recolour or
 * clear a terminal, nor hide what follows it. JSON output needs none of this: Jackson escapes.
 *
 * <p>Escaped are C0 (as {@code \n}, {@code \r}, {@code \t}, or a backslash, {@code u} and four hex
 * digits: ESC shows as backslash-u001b), DEL, C1, the
 * Unicode line and paragraph separators, and the bidirectional overrides and isolates (which can
 * make text read in another order than it is). A backslash is left as it is: a value that holds the
 * two characters {@code \n} reads the same as one that holds a newline, which misleads nobody into
 * believing a line was printed.
 */
public final class Text {

    /** Longer than this, an error's first line stops after what failed, and what the server said follows it. */
    static final int SUMMARY_LENGTH = 100;
    private static final Pattern WHAT_FAILED = Pattern.compile("^(.{1,300}? failed: HTTP \\d{3})[.:]? (.+)$");

    private Text() {
    }

    /**
     * A message that may run long (a server's answer to a request) for a person: the first line says what failed
     * ("Create connector 'x' failed: HTTP 400:"), whole; the server's words follow, a line for each line it wrote,
     * wrapped to {@code width} (0: not wrapped) and indented by {@code indent}. Every line is escaped as
     * {@link #escape}.
     */
    public static String paragraph(String message, int width, String indent) {
        List<String> logical = new ArrayList<>();
        for (String line : String.valueOf(message).split("\r?\n")) {
            if (!line.isBlank()) {
                logical.add(line.strip());
            }
        }
        if (logical.isEmpty()) {
            return "";
        }
        Matcher failed = WHAT_FAILED.matcher(logical.get(0));
        if ((logical.get(0).length() > SUMMARY_LENGTH || logical.size() > 1) && failed.matches()) {
            logical.set(0, failed.group(1) + ":");
            logical.add(1, failed.group(2));
        }
        int room = width <= 0 ? Integer.MAX_VALUE : Math.max(20, width - indent.length());
        StringBuilder out = new StringBuilder(escape(logical.get(0)));
        for (String line : logical.subList(1, logical.size())) {
            for (String piece : wrap(escape(line), room)) {
                out.append('\n').append(indent).append(piece);
            }
        }
        return out.toString();
    }

    /** Word-wrapped to {@code width} characters a line; a word longer than that has a line of its own. */
    static List<String> wrap(String line, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** One line: every control character escaped, newlines included. Null stays null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Text whose own line breaks are kept ({@code \r\n} read as one), every other control character
     * escaped: the last pass over what ccc prints, and traces shown line by line.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepLines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (!isControl(c) || (keepLines && c == '\n')) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
