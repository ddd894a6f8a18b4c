package ccc.cli;

import ccc.secret.SecretRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a run of ccc gets from the outside world: its streams, its environment variables and
 * whether a person sits at a terminal. Tests pass their own.
 */
public record CliContext(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env,
                         boolean terminal, SecretRegistry secrets) {

    public static CliContext system() {
        return new CliContext(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.getenv(),
                System.console() != null,
                new SecretRegistry());
    }

    /** The terminal's width for wrapping long messages (COLUMNS, or 80); 0 when no person sits at a terminal. */
    public int width() {
        if (!terminal) {
            return 0;
        }
        try {
            String columns = env("COLUMNS");
            return columns == null ? 80 : Math.max(20, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
