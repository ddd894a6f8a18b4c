package ccc.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renames drop offsets. A connector that takes over the data ({@link DataIdentity}) of a connector
 * that lets go of it is a rename, and starts without that connector's offsets:
 * <ul>
 *   <li>a create, taking over from a connector leaving the repository (under the prefix, in the
 *       cluster, declared nowhere in this environment: orphaned or pruned, selected or not) or from
 *       one whose update moves it off its data;</li>
 *   <li>an update that moves a connector off its own data onto such a connector's data. Two
 *       connectors swapping names are two of these: updated in place, each would keep offsets that
 *       belong to the data it no longer reads.</li>
 * </ul>
 * A connector still declared in the repository but not selected is not letting go of its data:
 * it stays, and two connectors reading one topic on purpose is common.
 * <p>
 * Refused unless --allow-offset-loss. With it the rename is carried out in the same apply, so
 * that two connectors never run on the same data: each connector left behind is deleted (no
 * --prune needed, and also when the plan is limited by name to the new connector), and an existing
 * connector that takes over is replaced (deleted and created) rather than updated, so that it
 * keeps no offsets of other data. Runs after the replace rule, which then only speaks of
 * replacements the config itself requires.
 */
final class RenameRule implements SafetyRule {

    private record Takeover(Action action, Map<String, String> from) {
    }

    @Override
    public PlanDraft apply(PlanDraft draft) {
        Map<String, DataIdentity> leaving = leaving(draft);
        Map<String, DataIdentity> moving = movingOffTheirData(draft);
        Map<String, DataIdentity> lettingGo = new TreeMap<>(leaving);
        lettingGo.putAll(moving);

        List<Action> actions = new ArrayList<>();
        List<Takeover> takeovers = new ArrayList<>();
        for (Action action : draft.actions()) {
            boolean arrives = action.type() == ActionType.CREATE || moving.containsKey(action.connector());
            Takeover takeover = arrives ? takeover(action, draft, lettingGo) : null;
            if (takeover == null) {
                actions.add(action);
                continue;
            }
            takeovers.add(takeover);
            String first = takeover.from().keySet().iterator().next();
            boolean existing = action.type() != ActionType.CREATE;
            actions.add((existing ? action.as(ActionType.REPLACE) : action).renamedFrom(first));
        }
        if (draft.options().allowOffsetLoss()) {
            Set<String> leftBehind = new TreeSet<>();
            takeovers.forEach(takeover -> takeover.from().keySet().stream().filter(leaving::containsKey)
                    .forEach(leftBehind::add));
            return draft.withActions(deleting(actions, leftBehind));
        }
        PlanDraft result = draft.withActions(actions);
        for (Takeover takeover : takeovers) {
            result = result.refuse(RuleId.RENAME.refuse(takeover.action().connector(), message(takeover)));
        }
        return result;
    }

    private static Map<String, DataIdentity> leaving(PlanDraft draft) {
        Map<String, DataIdentity> leaving = new TreeMap<>();
        for (ActualConnectorState connector : draft.cluster()) {
            if (connector.name().startsWith(draft.options().namePrefix())
                    && !draft.wanted().containsKey(connector.name())
                    && !draft.options().declaredNames().contains(connector.name())) {
                leaving.put(connector.name(), DataIdentity.of(connector.config()));
            }
        }
        return leaving;
    }

    /** Connectors kept by name whose update moves them to other data: by their old data. */
    private static Map<String, DataIdentity> movingOffTheirData(PlanDraft draft) {
        Map<String, DataIdentity> moving = new TreeMap<>();
        for (Action action : draft.actions()) {
            if (action.type() != ActionType.UPDATE && action.type() != ActionType.REPLACE) {
                continue;
            }
            DataIdentity before = DataIdentity.of(draft.managed().get(action.connector()).config());
            DataIdentity after = DataIdentity.of(draft.wanted().get(action.connector()).config());
            if (after.sharedWith(before).isEmpty()) {
                moving.put(action.connector(), before);
            }
        }
        return moving;
    }

    /** The connectors whose data a create or a moving update takes over, each with why it is the same data; null for none. */
    private static Takeover takeover(Action action, PlanDraft draft, Map<String, DataIdentity> lettingGo) {
        DataIdentity identity = DataIdentity.of(draft.wanted().get(action.connector()).config());
        Map<String, String> from = new LinkedHashMap<>();
        lettingGo.forEach((name, old) -> {
            if (!name.equals(action.connector())) {
                identity.sharedWith(old).ifPresent(why -> from.put(name, why));
            }
        });
        return from.isEmpty() ? null : new Takeover(action, from);
    }

    /** Turns the connectors left behind into deletes, adding those the plan's selection left out. */
    private static List<Action> deleting(List<Action> actions, Set<String> leftBehind) {
        Set<String> notInThePlan = new TreeSet<>(leftBehind);
        List<Action> result = new ArrayList<>();
        for (Action action : actions) {
            result.add(notInThePlan.remove(action.connector()) ? action.as(ActionType.DELETE) : action);
        }
        notInThePlan.forEach(name -> result.add(new Action(ActionType.DELETE, name, null, List.of(), null, null)));
        return result;
    }

    private static String message(Takeover takeover) {
        String connector = takeover.action().connector();
        String olds = String.join(" and ", takeover.from().keySet());
        String reasons = takeover.from().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        String what = takeover.action().type() == ActionType.CREATE
                ? connector + " looks like a rename of " + olds + " (" + reasons + "): it would start without "
                + "their offsets, and read their data again or skip it. Keep the old name, or give "
                + "--allow-offset-loss to delete " + olds + " and create " + connector + " in the same apply"
                : connector + " would take over the data of " + olds + " (" + reasons + ") and no longer read its "
                + "own: updated in place it would keep offsets that belong to other data (a swap of names is two "
                + "renames). Keep each name on its data, or give --allow-offset-loss to replace " + connector
                + " (delete and create it, without offsets) in the same apply";
        return what + ". A future --carry-offsets will move the offsets across instead.";
    }
}
