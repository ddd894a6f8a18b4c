package ccc.plan;

/** The safety rules, each with the id that plans and CI print and the override a user can give. */
public enum RuleId {
    RENAME("rename", "--allow-offset-loss"),
    REPLACE("replace", "--allow-offset-loss"),
    CONNECTOR_LIMIT("connector-limit", "limits.max_connectors_per_cluster in ccc.yaml"),
    TASK_LIMIT("task-limit", "limits.max_tasks_per_connector in ccc.yaml"),
    STALE_PLAN("stale-plan", "plan again and review it"),
    /** Something the connector needs is missing (its service account, a config its plugin accepts). */
    PREREQUISITE("prerequisite", "fix it, or run 'ccc doctor' for the full report"),
    POLICY("policy", "meet the policy, or add an exception with a reason and an owner to it in ccc.yaml");

    private final String id;
    private final String override;

    RuleId(String id, String override) {
        this.id = id;
        this.override = override;
    }

    public String id() {
        return id;
    }

    /** What lifts the rule: a flag, or a setting of ccc.yaml. */
    public String override() {
        return override;
    }

    public Refusal refuse(String connector, String message) {
        return new Refusal(connector, this, message, override);
    }
}
