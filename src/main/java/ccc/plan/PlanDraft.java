package ccc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan while the safety rules look at it: the actions computed from the diff, the refusals so
 * far, and what both were computed from.
 *
 * @param wanted the selected desired connectors under the prefix, by name
 * @param managed the selected cluster connectors under the prefix, by name
 * @param cluster every connector of the cluster, selected or not, inside the prefix or not
 */
record PlanDraft(List<Action> actions, List<Refusal> refusals, Map<String, DesiredConnectorState> wanted,
                 Map<String, ActualConnectorState> managed, List<ActualConnectorState> cluster, PlanOptions options,
                 String environment, List<Notice> notices) {

    PlanDraft {
        actions = List.copyOf(actions);
        refusals = List.copyOf(refusals);
        notices = List.copyOf(notices);
        wanted = Map.copyOf(wanted);
        managed = Map.copyOf(managed);
        cluster = List.copyOf(cluster);
    }

    PlanDraft withActions(List<Action> replaced) {
        return new PlanDraft(replaced, refusals, wanted, managed, cluster, options, environment, notices);
    }

    PlanDraft refuse(Refusal refusal) {
        List<Refusal> more = new ArrayList<>(refusals);
        more.add(refusal);
        return new PlanDraft(actions, more, wanted, managed, cluster, options, environment, notices);
    }

    PlanDraft notice(Notice notice) {
        List<Notice> more = new ArrayList<>(notices);
        more.add(notice);
        return new PlanDraft(actions, refusals, wanted, managed, cluster, options, environment, more);
    }
}
