package ccc.config;

import java.util.regex.Pattern;

/**
 * The names ccc gives connectors: 1 to 128 characters, ASCII letters, digits, '.', '_' and '-', starting with a
 * letter or digit. A name is a path segment of every Connect API URL and is printed in every plan, so '/', '..',
 * '%2F', spaces, control characters or 10,000 characters are refused before anything is sent.
 */
public final class ConnectorNames {

    public static final int MAX_LENGTH = 128;
    public static final String RULE = "a connector name is 1 to " + MAX_LENGTH
            + " characters: letters, digits, '.', '_' and '-', starting with a letter or digit";

    private static final Pattern FIRST = Pattern.compile("[A-Za-z0-9]");
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]");
    private static final int SHOWN = 60;

    private ConnectorNames() {
    }

    /** What breaks the rule in this name, as "contains '/'", or null when it follows the rule. */
    public static String violation(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is " + name.length() + " characters long";
        }
        if (!FIRST.matcher(Character.toString(name.codePointAt(0))).matches()) {
            return "starts with " + character(name.codePointAt(0));
        }
        return name.codePoints().filter(c -> !ALLOWED.matcher(Character.toString(c)).matches())
                .mapToObj(c -> "contains " + character(c)).findFirst().orElse(null);
    }

    /** The name for a message: control and non-ASCII characters escaped, cut after 60 characters. */
    public static String shown(String name) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length() && count < SHOWN; i = name.offsetByCodePoints(i, 1), count++) {
            int c = name.codePointAt(i);
            text.append(c < 0x20 || c == 0x7f || (c > 0x7e && Character.isISOControl(c)) ? escape(c)
                    : Character.toString(c));
        }
        return count < name.codePointCount(0, name.length()) ? text + "..." : text.toString();
    }

    private static String character(int c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
            return "the control character " + escape(c);
        }
        return "'" + Character.toString(c) + "'";
    }

    private static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", c);
        };
    }
}
