package ccc.plan;

import ccc.config.DeclaredState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plan engine: desired connectors + the cluster's connectors + options → a plan. Pure: no I/O,
 * no clock, the same inputs always give the same plan.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(String environment, List<DesiredConnectorState> desired,
                            List<ActualConnectorState> actual, PlanOptions options) {
        Map<String, ActualConnectorState> managed = new TreeMap<>();
        for (ActualConnectorState connector : actual) {
            if (connector.name().startsWith(options.namePrefix()) && options.isSelected(connector.name())) {
                managed.put(connector.name(), connector);
            }
        }
        Map<String, DesiredConnectorState> wanted = new LinkedHashMap<>();
        for (DesiredConnectorState connector : desired) {
            if (connector.name().startsWith(options.namePrefix()) && options.isSelected(connector.name())) {
                wanted.put(connector.name(), connector);
            }
        }

        List<Action> actions = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (DesiredConnectorState connector : wanted.values()) {
            actions.add(actionFor(connector, managed.get(connector.name()), options, refusals));
        }
        for (ActualConnectorState connector : managed.values()) {
            if (!wanted.containsKey(connector.name())) {
                ActionType type = options.prune() ? ActionType.DELETE : ActionType.ORPHAN;
                actions.add(new Action(type, connector.name(), null, List.of(), null, null));
            }
        }
        Map<String, ActualConnectorState> leaving = new TreeMap<>();
        for (ActualConnectorState connector : actual) {
            if (connector.name().startsWith(options.namePrefix()) && !wanted.containsKey(connector.name())
                    && !options.declaredNames().contains(connector.name())) {
                leaving.put(connector.name(), connector);
            }
        }
        actions = detectRenames(actions, wanted, leaving, options, refusals);
        checkLimits(actions, wanted, actual.size(), options, refusals);
        return new Plan(environment, options.sensitiveMode(), actions, refusals, fingerprint(managed.values(), options));
    }

    private static Action actionFor(DesiredConnectorState desired, ActualConnectorState actual, PlanOptions options,
                                    List<Refusal> refusals) {
        if (actual == null) {
            return new Action(ActionType.CREATE, desired.name(), desired.directory(), creation(desired),
                    desired.state(), null);
        }
        String classBefore = actual.config().get("connector.class");
        String classAfter = desired.config().get("connector.class");
        List<Change> changes = new ArrayList<>(ConfigDiff.diff(desired, actual, options));
        if (classBefore != null && !classBefore.equals(classAfter)) {
            changes.add(0, Change.of("connector.class", classBefore, classAfter));
            if (!options.allowOffsetLoss()) {
                refusals.add(new Refusal(desired.name(), Refusal.REPLACE,
                        desired.name() + ": connector.class changes from " + classBefore + " to " + classAfter
                                + ", which cannot be updated in place; replacing the connector deletes it and its offsets",
                        "--allow-offset-loss"));
            }
            return new Action(ActionType.REPLACE, desired.name(), desired.directory(), changes, desired.state(), null);
        }
        boolean pause = desired.state() == DeclaredState.PAUSED && !actual.paused();
        boolean resume = desired.state() == DeclaredState.RUNNING && (actual.paused() || actual.stopped());
        if (pause || resume) {
            String before = (actual.runState().notRunning() ? actual.runState() : RunState.RUNNING).name();
            changes.add(Change.of(Change.STATUS_KEY, before, desired.state().name()));
        }
        ActionType type;
        if (changes.size() > (pause || resume ? 1 : 0)) {
            type = ActionType.UPDATE;
        } else if (pause) {
            type = ActionType.PAUSE;
        } else if (resume) {
            type = ActionType.RESUME;
        } else {
            type = ActionType.NO_OP;
        }
        return new Action(type, desired.name(), desired.directory(), changes, desired.state(), null);
    }

    private static List<Change> creation(DesiredConnectorState desired) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(desired.config()).forEach((key, value) -> changes.add(Change.of(key, null, value)));
        desired.sensitiveKeys().stream().sorted().forEach(key -> changes.add(Change.sensitive(key)));
        if (desired.state() == DeclaredState.PAUSED) {
            changes.add(Change.of(Change.STATUS_KEY, null, DeclaredState.PAUSED.name()));
        }
        return changes;
    }

    /**
     * A create whose data matches a connector leaving the repository (orphaned or deleted, selected
     * or not) is a rename: the new connector starts without the old one's offsets.
     */
    private static List<Action> detectRenames(List<Action> actions, Map<String, DesiredConnectorState> wanted,
                                              Map<String, ActualConnectorState> leaving, PlanOptions options,
                                              List<Refusal> refusals) {
        List<Action> result = new ArrayList<>();
        for (Action action : actions) {
            if (action.type() != ActionType.CREATE) {
                result.add(action);
                continue;
            }
            DesiredConnectorState created = wanted.get(action.connector());
            String previous = leaving.values().stream()
                    .filter(old -> DataIdentity.same(created.config(), old.config()))
                    .map(ActualConnectorState::name).findFirst().orElse(null);
            if (previous == null) {
                result.add(action);
                continue;
            }
            if (!options.allowOffsetLoss()) {
                refusals.add(new Refusal(action.connector(), Refusal.RENAME,
                        action.connector() + " looks like a rename of " + previous + " (same class "
                                + created.config().get("connector.class") + " and the same data): the new connector "
                                + "would start without " + previous + "'s offsets. Keep the old name, or accept the loss",
                        "--allow-offset-loss"));
            }
            result.add(new Action(action.type(), action.connector(), action.directory(), action.changes(),
                    action.state(), previous));
        }
        return result;
    }

    private static void checkLimits(List<Action> actions, Map<String, DesiredConnectorState> wanted, int clusterSize,
                                    PlanOptions options, List<Refusal> refusals) {
        int creates = (int) actions.stream().filter(a -> a.type() == ActionType.CREATE).count();
        int deletes = (int) actions.stream().filter(a -> a.type() == ActionType.DELETE).count();
        int after = clusterSize + creates - deletes;
        int limit = options.limits().maxConnectorsPerCluster();
        if (creates > 0 && after > limit) {
            refusals.add(new Refusal("*", Refusal.CONNECTOR_LIMIT,
                    "the cluster would hold " + after + " connectors (" + options.connectorsOutsideScope()
                            + " of them outside the prefix " + options.namePrefix() + "), above the limit of " + limit,
                    "limits.max_connectors_per_cluster in ccc.yaml"));
        }
        for (Action action : actions) {
            DesiredConnectorState connector = wanted.get(action.connector());
            if (connector == null || !action.type().changesCluster()) {
                continue;
            }
            String tasks = connector.config().get("tasks.max");
            try {
                if (tasks != null && Integer.parseInt(tasks.trim()) > options.limits().maxTasksPerConnector()) {
                    refusals.add(new Refusal(action.connector(), Refusal.TASK_LIMIT,
                            action.connector() + ": tasks.max " + tasks + " is above the limit of "
                                    + options.limits().maxTasksPerConnector() + " tasks per connector",
                            "limits.max_tasks_per_connector in ccc.yaml"));
                }
            } catch (NumberFormatException e) {
                refusals.add(new Refusal(action.connector(), Refusal.TASK_LIMIT,
                        action.connector() + ": tasks.max '" + tasks + "' is not a number", "none: fix the config"));
            }
        }
    }

    /**
     * A keyed digest over the in-scope connectors' names, ids, configs and paused (or stopped) flags: keyed
     * because a self-managed cluster returns secrets in plain text.
     */
    static String fingerprint(Iterable<ActualConnectorState> connectors, PlanOptions options) {
        StringBuilder canonical = new StringBuilder();
        for (ActualConnectorState connector : connectors) {
            canonical.append(connector.name()).append('\u0001').append(Objects.toString(connector.id(), ""))
                    .append('\u0001').append(connector.stopped() ? "stopped" : connector.paused())
                    .append('\u0001');
            new TreeMap<>(connector.config()).forEach((key, value) ->
                    canonical.append(key).append('=').append(value).append('\u0002'));
            canonical.append('\u0003');
        }
        return "hmac-sha256:" + options.digest().apply(canonical.toString());
    }
}
