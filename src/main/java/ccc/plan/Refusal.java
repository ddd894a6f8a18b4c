package ccc.plan;

/** A safety rule that stops the plan: which connector, which rule, why, and the flag that overrides it. */
public record Refusal(String connector, String rule, String message, String override) {

    public static final String RENAME = "rename";
    public static final String REPLACE = "replace";
    public static final String CONNECTOR_LIMIT = "connector-limit";
    public static final String TASK_LIMIT = "task-limit";
}
