package ccc.secret;

import java.util.regex.Pattern;

/**
 * How a Connect service hides a PASSWORD value: a run of asterisks of unknown length (recorded
 * Confluent Cloud answers show 16, the API's examples 4 to 12). The length never reaches a
 * comparison or a fingerprint: every mask reads as {@link #CANONICAL}.
 */
public final class Masks {

    public static final String CANONICAL = SecretRegistry.MASK;
    private static final Pattern MASKED = Pattern.compile("^\\*{2,}$");

    private Masks() {
    }

    public static boolean isMasked(String value) {
        return value != null && MASKED.matcher(value).matches();
    }

    /** The value, or the one canonical mask when it is a mask of any length. */
    public static String canonical(String value) {
        return isMasked(value) ? CANONICAL : value;
    }
}
