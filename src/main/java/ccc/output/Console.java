package ccc.output;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.secret.SecretRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final boolean workflowCommands;
    private final int width;

    public Console(PrintWriter out, PrintWriter err, boolean color, SecretRegistry secrets) {
        this(out, err, color, secrets, false);
    }

    public Console(PrintWriter out, PrintWriter err, boolean color, SecretRegistry secrets, boolean workflowCommands) {
        this(out, err, color, secrets, workflowCommands, 0);
    }

    /**
     * @param workflowCommands whether ccc runs in a GitHub Actions job (GITHUB_ACTIONS=true): then
     *     {@link #annotate} prints annotations, and nothing else printed can be read as a workflow command
     * @param width the terminal's width, to which long messages are wrapped; 0 for none (not a terminal)
     */
    public Console(PrintWriter out, PrintWriter err, boolean color, SecretRegistry secrets, boolean workflowCommands,
                   int width) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.secrets = secrets;
        this.workflowCommands = workflowCommands;
        this.width = width;
    }

    /** Whether this run is a GitHub Actions job, where annotations are printed. */
    public boolean workflowCommands() {
        return workflowCommands;
    }

    /**
     * In a GitHub Actions job, prints the annotation (to standard error, so that standard output stays
     * the report in its format); elsewhere nothing. Its texts are scrubbed and their control characters
     * escaped (line breaks kept) before the workflow-command escaping, so no escaped form of a secret leaks.
     */
    public void annotate(WorkflowCommands.Annotation annotation) {
        if (!workflowCommands) {
            return;
        }
        err.println(annotation.map(text -> Text.escapeKeepingLines(secrets.scrub(text))).command());
        err.flush();
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

    /**
     * A message from outside ccc that may run long (a server's answer), for a text report: scrubbed, its first line
     * saying what failed, the rest on lines of their own indented by {@code indent} and wrapped to the terminal
     * ({@link Text#paragraph}).
     */
    public String paragraph(String text, String indent) {
        return Text.paragraph(secrets.scrub(String.valueOf(text)), width, indent);
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

    /**
     * Writes text ccc made (a pull-request comment, an issue body, a webhook payload) to a file, passed
     * through the scrubber and the control-character escaping of everything printed.
     */
    public void writeFile(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Text.escapeKeepingLines(secrets.scrub(text)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CccException("cannot write " + file + ": " + SourceDocument.reason(e), e);
        }
    }

    /** Prints a report in the chosen format: the one place a command's --output is honoured. */
    public void emit(Format format, Report report) {
        switch (format) {
            case JSON -> {
                String json = Json.write(Json.scrubbed(report.json(), secrets));
                out.println(workflowCommands ? WorkflowCommands.neutralizeJson(json) : json);
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

    /** An error: its first line says what failed, a server's words follow indented ({@link #paragraph}). */
    public void error(String text) {
        info(style(Style.RED, "error: ") + paragraph(text, "  "));
    }

    /** Scrubbed, and every control character escaped but line breaks and (styled) this console's colours. */
    private String printable(String text, boolean styled) {
        String scrubbed = secrets.scrub(text);
        if (workflowCommands) {
            scrubbed = WorkflowCommands.neutralize(scrubbed);
        }
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
