package ccc.secret;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a config key or value looks like it holds a secret, for a key the repository does not
 * declare either way (what a self-managed worker returns in plain text, what 'ccc import' reads).
 * Used only to mask or protect more, never less: when in doubt, it is a secret.
 */
public final class SecretLikeness {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passphrase|passwd|pwd|secret|token|credential|credentials\\.json|private\\.key|\\.key"
                    + "|jaas\\.config|sasl\\..*config|sas\\.key|connection\\.string|user\\.info|auth\\.info"
                    + "|api\\.key|apikey|authorization|headers)$");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("://[^/@\\s]+:[^@\\s]+@");
    private static final Pattern ORACLE_USER_PASSWORD = Pattern.compile("jdbc:oracle:[a-z]+:[^/@\\s]+/[^@\\s]+@");

    private SecretLikeness() {
    }

    public static boolean keyLooksSecret(String key) {
        return key != null && SECRET_NAME.matcher(key).matches();
    }

    /** A value that carries a credential whatever its key: password=..., a URL with a password, a bearer token. */
    public static boolean valueLooksSecret(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("password=") || lower.contains("password\"") || lower.contains("bearer ")
                || lower.contains("basic ") || URL_WITH_PASSWORD.matcher(lower).find()
                || ORACLE_USER_PASSWORD.matcher(lower).find();
    }

    public static boolean looksSecret(String key, String value) {
        return keyLooksSecret(key) || valueLooksSecret(value);
    }
}
