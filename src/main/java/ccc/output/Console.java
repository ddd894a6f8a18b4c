package ccc.output;

import ccc.secret.SecretRegistry;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where everything ccc says goes. Every line passes the run's secret scrubber, and colour is used
 * only when enabled (a terminal, no NO_COLOR, no --no-color). Reports show what ccc did not write
 * itself through {@link #value} (and {@link Markdown}): scrubbed, then control characters escaped
 * ({@link Text}). As a last pass, whatever is printed has every control character escaped except its
 * line breaks and, on a colour terminal, the colour codes of {@link #style}: nothing printed can move
 * the cursor, clear the screen or overwrite a line.
 */
public final class Console {

    public enum Style {
        GREEN("32"), YELLOW("33"), RED("31"), CYAN("36"), BOLD("1"), DIM("2");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    private static final String RESET = "0";
    /** Exactly the sequences {@link #style} writes, and nothing else a terminal acts on. */
    private static final Pattern OWN_STYLE = Pattern.compile("\u001b\\[(?:" + RESET + "|"
            + Arrays.stream(Style.values()).map(style -> style.code).collect(Collectors.joining("|")) + ")m");
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean color;
    private final SecretRegistry secrets;

    public Console(PrintWriter out, PrintWriter err, boolean color, SecretRegistry secrets) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.secrets = secrets;
    }

    public SecretRegistry secrets() {
        return secrets;
    }

    public boolean color() {
        return color;
    }

    public String style(Style style, String text) {
        return color ? "\u001b[" + style.code + "m" + text + "\u001b[" + RESET + "m" : text;
    }

    /**
     * A name, key, value or message from outside ccc, for a text report: secrets masked, then every
     * control character escaped (a newline shows as \n), so that it stays on its line.
     */
    public String value(String text) {
        return Text.escape(secrets.scrub(String.valueOf(text)));
    }

    /** Prints to standard output, a newline added. */
    public void println(String text) {
        out.println(printable(text, true));
        out.flush();
    }

    /** Prints to standard output as is (the text carries its own newlines). */
    public void print(String text) {
        out.print(printable(text, true));
        out.flush();
    }

    /** Diagnostics and progress, to standard error. */
    public void info(String text) {
        err.println(printable(text, true));
        err.flush();
    }

    /** Clears a colour terminal (status --watch); elsewhere an empty line. */
    public void clearScreen() {
        if (color) {
            out.print(CLEAR_SCREEN);
            out.flush();
        } else {
            println("");
        }
    }

    /** Prints a report in the chosen format: the one place a command's --output is honoured. */
    public void emit(Format format, Report report) {
        switch (format) {
            case JSON -> {
                out.println(Json.write(Json.scrubbed(report.json(), secrets)));
                out.flush();
            }
            case MARKDOWN -> {
                out.print(printable(report.markdown(new Markdown(secrets)), false));
                out.flush();
            }
            case TEXT -> print(report.text(this));
        }
    }

    /** One line: the message cannot start another (a newline in it shows as \n). */
    public void warn(String text) {
        info(style(Style.YELLOW, "warning: ") + value(text));
    }

    /** One line, as {@link #warn}. */
    public void error(String text) {
        info(style(Style.RED, "error: ") + value(text));
    }

    /** Scrubbed, and every control character escaped but line breaks and (styled) this console's colours. */
    private String printable(String text, boolean styled) {
        String scrubbed = secrets.scrub(text);
        if (!styled || !color) {
            return Text.escapeKeepingLines(scrubbed);
        }
        StringBuilder result = new StringBuilder();
        Matcher own = OWN_STYLE.matcher(scrubbed);
        int last = 0;
        while (own.find()) {
            result.append(Text.escapeKeepingLines(scrubbed.substring(last, own.start()))).append(own.group());
            last = own.end();
        }
        return result.append(Text.escapeKeepingLines(scrubbed.substring(last))).toString();
    }
}
