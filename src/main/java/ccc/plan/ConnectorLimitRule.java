package ccc.plan;

/** The cluster may hold at most limits.max_connectors_per_cluster connectors, other teams' included. */
final class ConnectorLimitRule implements SafetyRule {

    @Override
    public PlanDraft apply(PlanDraft draft) {
        // A move creates its connector before it deletes the old one: both count until it ends.
        long creates = draft.actions().stream().filter(a -> a.type() == ActionType.CREATE
                || (a.type() == ActionType.MOVE && !a.completesMove())).count();
        long deletes = draft.actions().stream().filter(a -> a.type() == ActionType.DELETE).count();
        long after = draft.cluster().size() + creates - deletes;
        int limit = draft.options().limits().maxConnectorsPerCluster();
        if (creates == 0 || after <= limit) {
            return draft;
        }
        return draft.refuse(RuleId.CONNECTOR_LIMIT.refuse("*", "the cluster would hold " + after + " connectors ("
                + draft.options().connectorsOutsideScope() + " of them outside the prefix "
                + draft.options().namePrefix() + "), above the limit of " + limit));
    }
}
