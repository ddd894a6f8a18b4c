package ccc.plan;

import ccc.config.SensitiveMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between the repository and the cluster for one environment. {@code fingerprint}
 * identifies the actual state the plan was computed from, so a saved plan can be refused once the
 * cluster has moved on.
 */
public record Plan(String environment, SensitiveMode sensitiveMode, List<Action> actions, List<Refusal> refusals,
                   String fingerprint, List<Notice> notices) {

    public Plan {
        actions = List.copyOf(actions);
        refusals = List.copyOf(refusals);
        notices = List.copyOf(notices);
    }

    public Plan withNotices(List<Notice> more) {
        List<Notice> all = new java.util.ArrayList<>(more);
        all.addAll(notices);
        return new Plan(environment, sensitiveMode, actions, refusals, fingerprint, all);
    }

    /** The plan with more refusals: prerequisites found missing outside the plan engine. */
    public Plan withRefusals(List<Refusal> more) {
        List<Refusal> all = new java.util.ArrayList<>(refusals);
        all.addAll(more);
        return new Plan(environment, sensitiveMode, actions, all, fingerprint, notices);
    }

    public List<Notice> notices(Notice.Kind kind) {
        return notices.stream().filter(notice -> notice.kind() == kind).toList();
    }

    public Map<ActionType, Integer> summary() {
        Map<ActionType, Integer> counts = new EnumMap<>(ActionType.class);
        for (ActionType type : ActionType.values()) {
            counts.put(type, 0);
        }
        actions.forEach(action -> counts.merge(action.type(), 1, Integer::sum));
        return counts;
    }

    public boolean hasChanges() {
        return actions.stream().anyMatch(action -> action.type().changesCluster());
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public List<Action> changes() {
        return actions.stream().filter(action -> action.type().changesCluster()).toList();
    }
}
