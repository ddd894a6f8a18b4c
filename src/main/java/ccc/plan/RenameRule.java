package ccc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renames drop offsets. A create whose data matches a connector leaving the repository (orphaned
 * or deleted, selected or not) is a rename: the new connector starts without the old one's
 * offsets. Refused unless --allow-offset-loss.
 */
final class RenameRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        Map<String, ActualConnectorState> leaving = new TreeMap<>();
        for (ActualConnectorState connector : draft.cluster()) {
            if (connector.name().startsWith(draft.options().namePrefix())
                    && !draft.wanted().containsKey(connector.name())
                    && !draft.options().declaredNames().contains(connector.name())) {
                leaving.put(connector.name(), connector);
            }
        }
        List<Action> actions = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Action action : draft.actions()) {
            if (action.type() != ActionType.CREATE) {
                actions.add(action);
                continue;
            }
            DesiredConnectorState created = draft.wanted().get(action.connector());
            String previous = leaving.values().stream()
                    .filter(old -> DataIdentity.same(created.config(), old.config()))
                    .map(ActualConnectorState::name).findFirst().orElse(null);
            if (previous == null) {
                actions.add(action);
                continue;
            }
            if (!draft.options().allowOffsetLoss()) {
                refusals.add(RuleId.RENAME.refuse(action.connector(), action.connector() + " looks like a rename of "
                        + previous + " (same class " + created.config().get("connector.class") + " and the same data): "
                        + "the new connector would start without " + previous + "'s offsets. Keep the old name, or "
                        + "accept the loss"));
            }
            actions.add(action.renamedFrom(previous));
        }
        PlanDraft result = draft.withActions(actions);
        for (Refusal refusal : refusals) {
            result = result.refuse(refusal);
        }
        return result;
    }
}
