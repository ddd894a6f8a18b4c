package ccc.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Deleting is never implicit: a connector under the prefix that the repository no longer declares
 * stays an orphan unless --prune is given. (The prefix scope is the planner's: nothing outside it
 * ever becomes an action.)
 */
final class PruneRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        if (!draft.options().prune()) {
            return draft;
        }
        List<Action> actions = new ArrayList<>();
        for (Action action : draft.actions()) {
            actions.add(action.type() == ActionType.ORPHAN ? action.as(ActionType.DELETE) : action);
        }
        return draft.withActions(actions);
    }
}
