package ccc.config;

import com.networknt.schema.Schema;
import java.util.List;

/**
 * One standard of ccc.yaml's {@code policies}: the connectors it applies to (its environments, and those that satisfy
 * its {@code when} schema) must satisfy its {@code require} schema, unless an exception covers them.
 *
 * @param environments where it applies; empty: everywhere
 * @param when the JSON Schema a connector must satisfy for the policy to apply, or null for every connector
 * @param require the JSON Schema the connectors it applies to must satisfy
 */
public record Policy(String id, String description, boolean error, List<String> environments, Schema when,
                     Schema require, String hint, List<Exemption> exceptions) {

    public Policy {
        environments = List.copyOf(environments);
        exceptions = List.copyOf(exceptions);
    }

    /**
     * Connectors (by name or directory) the policy does not apply to, with why and who answers for it.
     *
     * @param environments where it applies; empty: wherever the policy does
     * @param location where ccc.yaml declares it
     */
    public record Exemption(List<String> connectors, List<String> environments, String reason, String owner,
                            Location location) {

        public Exemption {
            connectors = List.copyOf(connectors);
            environments = List.copyOf(environments);
        }

        public boolean covers(PolicySubject subject) {
            return (connectors.contains(subject.name()) || connectors.contains(subject.directory()))
                    && (environments.isEmpty() || environments.contains(subject.environment()));
        }
    }

    /** The rule id that validate and plan print for it. */
    public String rule() {
        return Problem.Rule.policy(id);
    }

    public boolean appliesIn(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    /** "'tasks.max' is 8, above the ceiling of 4 (policy 'x': what it is for)". */
    public String explain(String violation) {
        return violation + " (policy '" + id + "'" + (description == null ? "" : ": " + description) + ")";
    }

    /** What to do about a violation. */
    public String fix() {
        return hint != null ? hint
                : "Meet the policy, or add an exception with a reason and an owner under policies." + id
                        + ".exceptions in ccc.yaml.";
    }
}
