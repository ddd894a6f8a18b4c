package ccc.plan;

/** A connector may run at most limits.max_tasks_per_connector tasks. */
final class TaskLimitRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        PlanDraft result = draft;
        int limit = draft.options().limits().maxTasksPerConnector();
        for (Action action : draft.actions()) {
            DesiredConnectorState connector = draft.wanted().get(action.connector());
            if (connector == null || !action.type().changesCluster()) {
                continue;
            }
            String tasks = connector.config().get("tasks.max");
            if (tasks == null) {
                continue;
            }
            try {
                if (Integer.parseInt(tasks.trim()) > limit) {
                    result = result.refuse(RuleId.TASK_LIMIT.refuse(action.connector(), action.connector()
                            + ": tasks.max " + tasks + " is above the limit of " + limit + " tasks per connector"));
                }
            } catch (NumberFormatException e) {
                result = result.refuse(new Refusal(action.connector(), RuleId.TASK_LIMIT,
                        action.connector() + ": tasks.max '" + tasks + "' is not a number", "none: fix the config"));
            }
        }
        return result;
    }
}
