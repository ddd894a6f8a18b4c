package ccc.secret;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    public void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        // Longest first, so that a secret containing another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
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
