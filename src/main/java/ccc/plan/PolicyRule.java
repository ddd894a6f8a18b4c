package ccc.plan;

import ccc.config.Policies;
import ccc.config.PolicySubject;
import java.util.HashMap;
import java.util.Map;

/**
 * The policies of ccc.yaml, checked again on every connector the plan creates, updates or replaces, on the state it
 * would send (after every default, with the service account resolved): a violation refuses the plan, naming the
 * policy; a waived one, or one of severity warning, is a notice. Connectors the plan leaves alone are not judged: a
 * new policy does not block an unrelated change.
 */
final class PolicyRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        Policies policies = draft.options().policies();
        if (policies.isEmpty()) {
            return draft;
        }
        PlanDraft result = draft;
        for (Action action : draft.actions()) {
            DesiredConnectorState connector = draft.wanted().get(action.connector());
            if (connector == null || !(action.type() == ActionType.CREATE || action.type() == ActionType.UPDATE
                    || action.type() == ActionType.REPLACE)) {
                continue;
            }
            PolicySubject subject = subject(connector, draft.environment());
            for (Policies.Verdict verdict : policies.evaluate(subject)) {
                String id = verdict.policy().id();
                if (verdict.waived()) {
                    result = result.notice(new Notice(connector.name(), Notice.Kind.POLICY_EXCEPTION,
                            verdict.waiver(subject), null));
                } else if (!verdict.policy().error()) {
                    result = result.notice(new Notice(connector.name(), Notice.Kind.POLICY_WARNING,
                            connector.name() + " does not meet policy '" + id + "': " + verdict.summary(),
                            verdict.policy().fix()));
                } else {
                    result = result.refuse(new Refusal(connector.name(), RuleId.POLICY,
                            connector.name() + " does not meet policy '" + id + "'"
                                    + (verdict.policy().description() == null ? ""
                                            : " (" + verdict.policy().description() + ")")
                                    + ": " + verdict.summary(),
                            RuleId.POLICY.override(), id));
                }
            }
        }
        return result;
    }

    /** The connector as the policies see it: its config without ccc's own bookkeeping, its secrets hidden. */
    static PolicySubject subject(DesiredConnectorState connector, String environment) {
        Map<String, String> config = new HashMap<>(connector.config());
        config.remove(SensitiveDigest.CONFIG_KEY);
        config.keySet().removeAll(connector.sensitiveKeys());
        return new PolicySubject(connector.name(), connector.directory(), environment, config,
                connector.sensitiveKeys(), connector.state());
    }
}
