package ccc.engine;

import ccc.plan.Plan;
import java.util.Map;

/** A computed plan with what apply needs to carry it out. */
public record PlannedRun(Plan plan, Map<String, ResolvedConnector> desired, String desiredFingerprint, String target) {

    public PlannedRun {
        desired = Map.copyOf(desired);
    }
}
