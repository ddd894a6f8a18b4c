package ccc.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One thing wrong (or suspicious, or worth knowing) in the configuration repository, with what to do about it.
 *
 * @param rule the id of the check that found it, stable for CI to gate on: one of {@link Rule}'s, or
 *     {@code policy/<id>} for a policy of ccc.yaml
 */
public record Problem(Severity severity, Path file, Location location, String message, String hint, String rule) {

    /** A note changes nothing: it says where an exception to a policy applies. */
    public enum Severity {
        ERROR, WARNING, NOTE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The ids of ccc's own checks. */
    public static final class Rule {
        /** A file or directory that cannot be read, or is not where ccc looks for it. */
        public static final String FILE = "file";
        /** A connector directory whose entries do not follow E-DIR.json and E-vars.yaml. */
        public static final String LAYOUT = "layout";
        /** Malformed JSON or YAML, or YAML that cannot be read safely. */
        public static final String SYNTAX = "syntax";
        /** A violation of the file's JSON Schema (ccc schema NAME prints it). */
        public static final String SCHEMA = "schema";
        /** ${var} and ${vault:...} placeholders: undefined, unused, malformed or misplaced. */
        public static final String PLACEHOLDER = "placeholder";
        /** A value still holding what 'ccc new', a template or 'ccc import' wrote for the user to replace. */
        public static final String SCAFFOLD = "scaffold-placeholder";
        /** The connector name: its characters, its prefix, another connector with the same one. */
        public static final String CONNECTOR_NAME = "connector-name";
        /** A key in both config maps, or config_nonsensitive.name unlike the name. */
        public static final String CONFIG = "config";
        public static final String SERVICE_ACCOUNT = "service-account";
        public static final String DLQ = "dlq";
        /** The same ids as the plan's refusals. */
        public static final String TASK_LIMIT = "task-limit";
        public static final String CONNECTOR_LIMIT = "connector-limit";
        /** Two environments that would take each other's connectors for orphans. */
        public static final String SHARED_TARGET = "shared-target";
        /** A key Confluent Cloud would drop (the plan's notice of the same name). */
        public static final String UNDEFINED_KEY = "undefined-key";
        /** --env names no environment of ccc.yaml. */
        public static final String ENVIRONMENT = "environment";
        /** A policy that cannot be evaluated, or an exception that waives nothing. */
        public static final String POLICIES = "policies";

        private Rule() {
        }

        /** The rule id of a policy of ccc.yaml. */
        public static String policy(String id) {
            return "policy/" + id;
        }
    }

    public static Problem error(String rule, Path file, Location location, String message, String hint) {
        return new Problem(Severity.ERROR, file, location, message, hint, rule);
    }

    public static Problem warning(String rule, Path file, Location location, String message, String hint) {
        return new Problem(Severity.WARNING, file, location, message, hint, rule);
    }

    public static Problem note(String rule, Path file, Location location, String message, String hint) {
        return new Problem(Severity.NOTE, file, location, message, hint, rule);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
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
        String text = severity.id() + ": " + where() + ": " + message;
        return hint == null || hint.isEmpty() ? text : text + " " + hint;
    }
}
