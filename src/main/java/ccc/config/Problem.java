package ccc.config;

import java.nio.file.Path;

/** One thing wrong (or suspicious) in the configuration repository, with what to do about it. */
public record Problem(Severity severity, Path file, Location location, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Path file, Location location, String message, String hint) {
        return new Problem(Severity.ERROR, file, location, message, hint);
    }

    public static Problem warning(Path file, Location location, String message, String hint) {
        return new Problem(Severity.WARNING, file, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "path/to/file:12:5 (/pointer)" or just the path. */
    public String where() {
        String path = file == null ? "" : file.toString();
        String at = location == null ? "" : location.describe();
        if (at.isEmpty()) {
            return path;
        }
        if (location.line() > 0) {
            return path + ":" + at;
        }
        return path + " " + at;
    }

    /** "file:line:col (pointer): message. hint", for an error message that has its own prefix. */
    public String sentence() {
        String text = where() + ": " + message;
        return hint == null || hint.isEmpty() ? text : text + ". " + hint;
    }

    /** One line: "error: file:line:col (pointer): message. hint" */
    public String format() {
        String text = (isError() ? "error: " : "warning: ") + where() + ": " + message;
        return hint == null || hint.isEmpty() ? text : text + " " + hint;
    }
}
