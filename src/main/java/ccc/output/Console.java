package ccc.output;

import ccc.secret.SecretRegistry;
import java.io.PrintWriter;

/**
 * Where everything ccc says goes. Every line passes the run's secret scrubber, and colour is used
 * only when enabled (a terminal, no NO_COLOR, no --no-color).
 */
public final class Console {

    public enum Style {
        GREEN("32"), YELLOW("33"), RED("31"), CYAN("36"), BOLD("1"), DIM("2");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

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
        return color ? "\u001b[" + style.code + "m" + text + "\u001b[0m" : text;
    }

    /** Prints to standard output, a newline added. */
    public void println(String text) {
        out.println(secrets.scrub(text));
        out.flush();
    }

    /** Prints to standard output as is (the text carries its own newlines). */
    public void print(String text) {
        out.print(secrets.scrub(text));
        out.flush();
    }

    /** Diagnostics and progress, to standard error. */
    public void info(String text) {
        err.println(secrets.scrub(text));
        err.flush();
    }

    /** Prints a report in the chosen format: the one place a command's --output is honoured. */
    public void emit(Format format, Report report) {
        switch (format) {
            case JSON -> {
                out.println(Json.write(Json.scrubbed(report.json(), secrets)));
                out.flush();
            }
            case MARKDOWN -> print(report.markdown());
            case TEXT -> print(report.text(this));
        }
    }

    public void warn(String text) {
        info(style(Style.YELLOW, "warning: ") + text);
    }

    public void error(String text) {
        info(style(Style.RED, "error: ") + text);
    }
}
