package ccc.output;

import ccc.config.Problem;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions workflow commands: the {@code ::error file=…,line=…,col=…,title=…::message} lines
 * the runner turns into annotations on a file and line, and the defence of everything else ccc prints
 * in a job against being read as such a command.
 *
 * <p>Escaping follows the runner's rules: in a command's data (the message) {@code %}, CR and LF are
 * written {@code %25}, {@code %0D}, {@code %0A}; in a property value {@code :} and {@code ,} are
 * escaped too ({@code %3A}, {@code %2C}), since they end a property.
 *
 * <p>The runner reads a command on any line that starts with {@code ::} once its leading blanks are
 * trimmed, and a legacy command ({@code ##[error]…}) anywhere in a line. A connector trace, a server
 * message or a config value printed in a job could therefore forge an annotation, mask text or stop
 * the processing of ccc's own commands; {@link #neutralize} makes such text inert.
 */
public final class WorkflowCommands {

    /** An annotation's level. */
    public enum Level {
        ERROR("error"), WARNING("warning"), NOTICE("notice");

        private final String command;

        Level(String command) {
            this.command = command;
        }
    }

    private static final Pattern LINE_COMMAND = Pattern.compile("(?m)^([ \\t\\f\\u000b]*):(?=:)");
    private static final Pattern LEGACY_COMMAND = Pattern.compile("##\\[");

    private WorkflowCommands() {
    }

    /**
     * One annotation. {@code file} is relative to the repository (forward slashes), or null; a line
     * and column of 0 are left out, as is an empty title. The message may hold line breaks.
     */
    public record Annotation(Level level, String file, int line, int column, String title, String message) {

        /** A validation problem as an annotation on its file, line and column. */
        public static Annotation of(Problem problem, Path workspace, String title) {
            String message = problem.message();
            if (problem.hint() != null && !problem.hint().isEmpty()) {
                message = message + "\n" + problem.hint();
            }
            String pointer = problem.location() == null ? "" : problem.location().pointer();
            String fullTitle = pointer == null || pointer.isEmpty() ? title : title + " (" + pointer + ")";
            int line = problem.location() == null ? 0 : problem.location().line();
            int column = problem.location() == null ? 0 : problem.location().column();
            return new Annotation(problem.isError() ? Level.ERROR : Level.WARNING, relative(problem.file(), workspace),
                    line, column, fullTitle, message);
        }

        /** The same annotation with {@code clean} applied to each of its texts (file, title, message). */
        public Annotation map(UnaryOperator<String> clean) {
            return new Annotation(level, file == null ? null : clean.apply(file), line, column,
                    title == null ? null : clean.apply(title), message == null ? null : clean.apply(message));
        }

        /** The workflow command, one line. */
        public String command() {
            StringBuilder properties = new StringBuilder();
            if (file != null && !file.isEmpty()) {
                property(properties, "file", file);
                if (line > 0) {
                    property(properties, "line", Integer.toString(line));
                    if (column > 0) {
                        property(properties, "col", Integer.toString(column));
                    }
                }
            }
            if (title != null && !title.isEmpty()) {
                property(properties, "title", title);
            }
            return "::" + level.command + (properties.length() == 0 ? "" : " " + properties) + "::"
                    + escapeData(message);
        }
    }

    /**
     * The path as the runner wants it: relative to the workspace (GITHUB_WORKSPACE, the repository's
     * checkout) with forward slashes; a file outside the workspace keeps its absolute path. Null stays null.
     */
    public static String relative(Path file, Path workspace) {
        if (file == null) {
            return null;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path base = workspace == null ? null : workspace.toAbsolutePath().normalize();
        Path shown = base != null && absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** A command's data: %, CR and LF escaped. */
    public static String escapeData(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and : and , escaped too. */
    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Printed text that the runner cannot take for a command: a line that starts with {@code ::}
     * (after blanks) shows its first colon as {@code \u003a}, and {@code ##[} anywhere shows as
     * {@code #\u0023[}, in the backslash-u style of {@link Text}. Other text is unchanged.
     */
    public static String neutralize(String text) {
        if (text == null || (text.indexOf("::") < 0 && text.indexOf("##[") < 0)) {
            return text;
        }
        String lines = LINE_COMMAND.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\\u003a"));
        return LEGACY_COMMAND.matcher(lines).replaceAll(Matcher.quoteReplacement("#\\u0023["));
    }

    /**
     * JSON text that the runner cannot take for a command, with the same value: ccc's pretty JSON
     * starts no line with {@code ::}, and {@code ##[} can only stand in a string, where {@code \u0023}
     * is the same character.
     */
    public static String neutralizeJson(String json) {
        return json.indexOf("##[") < 0 ? json
                : LEGACY_COMMAND.matcher(json).replaceAll(Matcher.quoteReplacement("#\\u0023["));
    }

    private static void property(StringBuilder properties, String name, String value) {
        if (properties.length() > 0) {
            properties.append(',');
        }
        properties.append(name).append('=').append(escapeProperty(value));
    }
}
