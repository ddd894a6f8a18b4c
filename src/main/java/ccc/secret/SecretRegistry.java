package ccc.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret value this run has seen. All that ccc prints or writes passes {@link #scrub}, so a
 * secret echoed back by a server, or caught in an exception message, never reaches a terminal or a
 * file.
 */
public final class SecretRegistry {

    public static final String MASK = "********";
    /** Shorter values would mask ordinary words; such secrets are weak anyway. */
    private static final int MIN_LENGTH = 4;
    /** Numbers up to this many digits are config values (sizes, ports, timeouts), not secrets. */
    private static final int MAX_TRIVIAL_DIGITS = 6;
    private static final Set<String> TRIVIAL_WORDS = Set.of("true", "false", "null", "none");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    /**
     * The last segment of a sensitive key that a driver echoes as its own parameter name, as libpq
     * does with {@code password=...} for {@code connection.password}. Generic tails ("key", "name")
     * are left out: masking every {@code key=...} would hide what a trace is about.
     */
    private static final Pattern DRIVER_SECRET_WORD =
            Pattern.compile("(?i)password|passwd|pwd|secret|token|credentials?|private[._-]?key");

    /** Every secret registered (guarded by this). */
    private final Set<String> secrets = new HashSet<>();
    /**
     * What {@link #scrub} replaces, in order: each secret, longest first so that a secret containing
     * another is masked whole, then its JSON-escaped form where that differs. Made once when first
     * needed after a change, not on every add (guarded by this; null when stale).
     */
    private List<String> masked = List.of();
    private final List<Pattern> sensitiveKeys = new CopyOnWriteArrayList<>();
    private final Set<String> keyNames = ConcurrentHashMap.newKeySet();

    /**
     * True for a value too common to be masked wherever it appears: shorter than four characters
     * (blanks aside), a boolean, {@code null} or {@code none}, or a number of at most six digits.
     * Masking {@code true} would turn every {@code true} of a plan into asterisks; masking
     * {@code 1000} every flush size. The residual risk is deliberate: such a value, if it really is
     * a secret, is printed in clear where it appears on its own (a sensitive key's value is still
     * masked by its key, and a Vault secret this trivial is refused before anything is printed).
     */
    public static boolean isTrivial(String value) {
        if (value == null) {
            return true;
        }
        String text = value.strip();
        if (text.length() < MIN_LENGTH || TRIVIAL_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return NUMBER.matcher(text).matches()
                && text.chars().filter(Character::isDigit).count() <= MAX_TRIVIAL_DIGITS;
    }

    /** Safe from any thread: Vault reads register their values as they arrive. */
    public void register(String secret) {
        if (isTrivial(secret)) {
            return;
        }
        synchronized (this) {
            if (secrets.add(secret)) {
                masked = null;
            }
        }
    }

    /** See {@link #masked}: a snapshot, which a later {@link #register} never changes under a scrub. */
    private synchronized List<String> masked() {
        if (masked == null) {
            List<String> forms = new ArrayList<>();
            secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()
                    .thenComparing(Comparator.naturalOrder())).forEach(secret -> {
                        forms.add(secret);
                        String escaped = jsonEscaped(secret);
                        if (!escaped.equals(secret)) {
                            forms.add(escaped);
                        }
                    });
            masked = List.copyOf(forms);
        }
        return masked;
    }

    /**
     * A config key whose value is secret even where this run never saw the value (the status trace of
     * a connector whose secrets were not resolved): "key=value", "key: value", "key='value'" and
     * "\"key\": \"value\"" are masked wherever they appear; ccc's own "(sensitive value)" notes are
     * left alone. A key whose last segment is a driver's word for a secret ({@code
     * connection.password}) also masks that word's own "password=value".
     */
    public void registerKey(String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        String tail = key.substring(key.lastIndexOf('.') + 1);
        if (!tail.equals(key) && DRIVER_SECRET_WORD.matcher(tail).matches()) {
            registerKey(tail);
        }
        if (!keyNames.add(key)) {
            return;
        }
        String quotedKey = Pattern.quote(key);
        // Inside a JSON string (a trace in JSON output) the quotes are escaped: \"key\": \"value\".
        sensitiveKeys.add(Pattern.compile("(\\\\\"" + quotedKey + "\\\\\"\\s*:\\s*)(\\\\\".*?\\\\\")"));
        // An unquoted value ends where a word, a code span or a table cell would: it never takes a
        // backtick or a pipe with it, so masking keeps markdown well-formed.
        sensitiveKeys.add(Pattern.compile("(\"?" + quotedKey + "\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\""
                + "|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;}\\]\"\\\\(`|][^\\s,;}\\]\"\\\\`|]*)"));
    }

    public boolean isEmpty() {
        return masked().isEmpty() && sensitiveKeys.isEmpty();
    }

    public String scrub(String text) {
        List<String> masked = masked();
        if (text == null || masked.isEmpty() && sensitiveKeys.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern key : sensitiveKeys) {
            Matcher matcher = key.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + masked(match.group(2))));
            }
        }
        for (String secret : masked) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** The mask in the same quotes as the value it replaces. */
    private static String masked(String value) {
        if (value.startsWith("\\\"")) {
            return "\\\"" + MASK + "\\\"";
        }
        if (value.startsWith("'")) {
            return "'" + MASK + "'";
        }
        return value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
