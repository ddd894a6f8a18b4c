package ccc.config;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies of ccc.yaml, evaluated the same way by {@code validate} (on the rendered files) and by {@code plan}
 * (on the state it plans): pure, no I/O.
 */
public final class Policies {

    public static final Policies NONE = new Policies(List.of());

    /** A violation of a policy's require schema: where in the {@link PolicySubject} document, and what. */
    public record Violation(String pointer, String message) {
    }

    /**
     * A policy that applies to a connector and that the connector does not meet.
     *
     * @param exception the exception that waives it, or null
     */
    public record Verdict(Policy policy, List<Violation> violations, Policy.Exemption exception) {

        public Verdict {
            violations = List.copyOf(violations);
        }

        public boolean waived() {
            return exception != null;
        }

        /** Every violation in one line, for a plan. */
        public String summary() {
            return String.join("; ", violations.stream().map(Violation::message).toList());
        }

        /** "policy 'x' does not apply to peve-y in prod: exception (owner: team) because: reason". */
        public String waiver(PolicySubject subject) {
            return "policy '" + policy.id() + "' does not apply to " + subject.name() + " in " + subject.environment()
                    + " (it would fail: " + summary() + "): exception owned by " + exception.owner() + ": "
                    + exception.reason();
        }
    }

    private final List<Policy> policies;

    public Policies(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public List<Policy> all() {
        return policies;
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** Every policy that applies to the connector and that it does not meet, waived or not. */
    public List<Verdict> evaluate(PolicySubject subject) {
        List<Verdict> verdicts = new ArrayList<>();
        if (policies.isEmpty()) {
            return verdicts;
        }
        var document = subject.document();
        for (Policy policy : policies) {
            if (!policy.appliesIn(subject.environment())
                    || (policy.when() != null && !policy.when().validate(document).isEmpty())) {
                continue;
            }
            List<Violation> violations = new ArrayList<>();
            for (Error error : policy.require().validate(document)) {
                SchemaMessages.Described described = SchemaMessages.describe(error, null);
                Violation violation = new Violation(described.pointer(), described.message());
                if (!violations.contains(violation)) {
                    violations.add(violation);
                }
            }
            if (!violations.isEmpty()) {
                Policy.Exemption exception = policy.exceptions().stream().filter(e -> e.covers(subject))
                        .findFirst().orElse(null);
                verdicts.add(new Verdict(policy, violations, exception));
            }
        }
        return verdicts;
    }
}
