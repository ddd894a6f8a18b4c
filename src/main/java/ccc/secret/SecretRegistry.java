package ccc.secret;

import java.util.Comparator;
import java.util.List;
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

    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Pattern> sensitiveKeys = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> keyNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        // Longest first, so that a secret containing another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /**
     * A config key whose value is secret even where this run never saw the value (the status trace of
     * a connector whose secrets were not resolved): "key=value", "key: value" and "\"key\": \"value\""
     * are masked wherever they appear; ccc's own "(sensitive value)" notes are left alone.
     */
    public void registerKey(String key) {
        if (key == null || key.isBlank() || !keyNames.add(key)) {
            return;
        }
        String quotedKey = Pattern.quote(key);
        // Inside a JSON string (a trace in JSON output) the quotes are escaped: \"key\": \"value\".
        sensitiveKeys.add(Pattern.compile("(\\\\\"" + quotedKey + "\\\\\"\\s*:\\s*)(\\\\\".*?\\\\\")"));
        sensitiveKeys.add(Pattern.compile("(\"?" + quotedKey
                + "\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;}\\]\"\\\\(][^\\s,;}\\]\"\\\\]*)"));
    }

    public boolean isEmpty() {
        return secrets.isEmpty() && sensitiveKeys.isEmpty();
    }

    public String scrub(String text) {
        if (text == null || isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern key : sensitiveKeys) {
            Matcher matcher = key.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + masked(match.group(2))));
            }
        }
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
            String escaped = jsonEscaped(secret);
            if (!escaped.equals(secret) && result.contains(escaped)) {
                result = result.replace(escaped, MASK);
            }
        }
        return result;
    }

    /** The mask in the same quotes as the value it replaces. */
    private static String masked(String value) {
        if (value.startsWith("\\\"")) {
            return "\\\"" + MASK + "\\\"";
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
