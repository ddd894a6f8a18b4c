package ccc.plan;

/**
 * A safety rule that stops the plan: which connector, which rule, why, and what overrides it.
 *
 * @param policy the id of the policy of ccc.yaml that refused it, for {@link RuleId#POLICY}; else null
 */
public record Refusal(String connector, RuleId rule, String message, String override, String policy) {

    public Refusal(String connector, RuleId rule, String message, String override) {
        this(connector, rule, message, override, null);
    }

    /** The rule as plans and CI print it: "rename", or "policy/&lt;id&gt;" as validate does. */
    public String ruleId() {
        return policy == null ? rule.id() : rule.id() + "/" + policy;
    }
}
