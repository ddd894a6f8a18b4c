package ccc.plan;

/** Changing connector.class cannot be done in place: the replacement loses the connector's offsets. */
final class ReplaceRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        if (draft.options().allowOffsetLoss()) {
            return draft;
        }
        PlanDraft result = draft;
        for (Action action : draft.actions()) {
            if (action.type() != ActionType.REPLACE) {
                continue;
            }
            Change classChange = action.changes().stream().filter(c -> c.key().equals("connector.class"))
                    .findFirst().orElse(null);
            String why = classChange == null ? "its config cannot be updated in place"
                    : "connector.class changes from " + classChange.before() + " to " + classChange.after()
                    + ", which cannot be updated in place";
            result = result.refuse(RuleId.REPLACE.refuse(action.connector(), action.connector() + ": " + why
                    + "; replacing the connector deletes it and its offsets"));
        }
        return result;
    }
}
