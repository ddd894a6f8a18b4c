package ccc.plan;

/** A safety rule that stops the plan: which connector, which rule, why, and what overrides it. */
public record Refusal(String connector, RuleId rule, String message, String override) {
}
