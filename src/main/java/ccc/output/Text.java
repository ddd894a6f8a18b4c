package ccc.output;

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

    private Text() {
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
