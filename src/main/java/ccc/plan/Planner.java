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

    /**
     * In order: prune decides deletions before the rename rule looks for what is leaving; the replace
     * rule sees only the replacements the config requires, before the rename rule replaces connectors
     * that take over other data (and refuses those itself); the connector limit counts the deletes a
     * rename adds.
     */
    private static final List<SafetyRule> RULES = List.of(new PruneRule(), new ReplaceRule(), new RenameRule(),
            new ConnectorLimitRule(), new TaskLimitRule(), new PolicyRule());

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
        for (DesiredConnectorState connector : wanted.values()) {
            actions.add(actionFor(connector, managed.get(connector.name()), options));
        }
        for (ActualConnectorState connector : managed.values()) {
            if (!wanted.containsKey(connector.name())) {
                actions.add(new Action(ActionType.ORPHAN, connector.name(), null, List.of(), null, null));
            }
        }
        PlanDraft draft = new PlanDraft(actions, List.of(), wanted, managed, actual, options, environment, List.of());
        for (SafetyRule rule : RULES) {
            draft = rule.apply(draft);
        }
        List<Notice> notices = notices(environment, wanted, managed, draft.actions(), options, draft.notices());
        if (!options.carryOffsets() || !options.prune()) {
            notices.addAll(RenameRule.unfinishedMoveNotices(draft, environment));
        }
        return new Plan(environment, options.sensitiveMode(), draft.actions(), draft.refusals(),
                fingerprint(managed.values(), options), notices);
    }

    private static List<Notice> notices(String environment, Map<String, DesiredConnectorState> wanted,
                                        Map<String, ActualConnectorState> managed, List<Action> actions,
                                        PlanOptions options, List<Notice> policyNotices) {
        List<Notice> notices = new ArrayList<>(policyNotices);
        for (Action action : actions) {
            DesiredConnectorState desired = wanted.get(action.connector());
            ActualConnectorState actual = managed.get(action.connector());
            if (desired == null || actual == null) {
                continue;
            }
            if (actual.problem() != null && action.type() != ActionType.REPLACE && action.type() != ActionType.MOVE) {
                notices.add(new Notice(action.connector(), Notice.Kind.UNHEALTHY, action.connector() + " is "
                        + actual.problem(), "fix the cause, then: ccc restart --env " + environment + " "
                        + action.connector()));
            }
            List<String> unverifiable = ConfigDiff.diff(desired, actual, options).unverifiable();
            if (!unverifiable.isEmpty() && !options.resendSecrets()) {
                notices.add(new Notice(action.connector(), Notice.Kind.SECRET_DRIFT_UNVERIFIABLE,
                        "the cluster keeps no digest of " + String.join(", ", unverifiable) + " for "
                                + action.connector() + ", so a secret rotated in Vault cannot be seen",
                        "after rotating a secret: ccc apply --env " + environment + " --resend-secrets "
                                + action.connector()));
            }
        }
        return notices;
    }

    private static Action actionFor(DesiredConnectorState desired, ActualConnectorState actual, PlanOptions options) {
        if (actual == null) {
            return new Action(ActionType.CREATE, desired.name(), desired.directory(), creation(desired),
                    desired.state(), null);
        }
        String classBefore = actual.config().get("connector.class");
        String classAfter = desired.config().get("connector.class");
        List<Change> changes = new ArrayList<>(ConfigDiff.diff(desired, actual, options).changes());
        if (options.resendSecrets()) {
            desired.sensitiveKeys().stream().sorted()
                    .filter(key -> changes.stream().noneMatch(change -> change.key().equals(key)))
                    .forEach(key -> changes.add(Change.sensitive(key)));
        }
        if (classBefore != null && !classBefore.equals(classAfter)) {
            changes.add(0, Change.of("connector.class", classBefore, classAfter));
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
        desired.sensitiveKeys().stream().sorted().forEach(key -> changes.add(Change.sensitive(key, Change.Kind.ADDED)));
        if (desired.state() == DeclaredState.PAUSED) {
            changes.add(Change.of(Change.STATUS_KEY, null, DeclaredState.PAUSED.name()));
        }
        return changes;
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
