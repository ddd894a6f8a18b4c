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
 * that lets go of it starts on that data without its offsets: it reads it again or skips it.
 * Letting go of data: leaving the repository (under the prefix, in the cluster, declared nowhere in
 * this environment: orphaned or pruned, selected or not), or being updated off it. Taking it over:
 * <ul>
 *   <li>a create: the plain rename;</li>
 *   <li>an update that moves a connector off its own data onto another's. Two connectors swapping
 *       names are two of these: updated in place, each would keep offsets that belong to data it no
 *       longer reads;</li>
 *   <li>an update that adds another's data to what a connector already reads (a merge).</li>
 * </ul>
 * A connector still declared in the repository but not selected is not letting go of its data:
 * it stays, and two connectors reading one topic on purpose is common. Nor does an update take
 * over data it already read.
 * <p>
 * Refused unless --allow-offset-loss. With it the takeover is carried out in the same apply, so
 * that two connectors never run on the same data: each connector left behind is deleted (no
 * --prune needed, and also when the plan is limited by name to the new connector), and a
 * connector that moves onto other data is replaced (deleted and created), so that it keeps no
 * offsets of other data; one that only adds data keeps its own offsets and is updated in place.
 * Runs after the replace rule, which then only speaks of replacements the config itself requires.
 */
final class RenameRule implements SafetyRule {

    private enum Arrival { CREATED, MOVED, ADDED }

    /** {@code from}: each connector whose data it takes over, with why it is the same data. */
    private record Takeover(Action action, Arrival arrival, Map<String, String> from, Set<String> leaving) {

        Action carriedOut() {
            Action renamed = action.renamedFrom(from.keySet().iterator().next());
            return arrival == Arrival.MOVED ? renamed.as(ActionType.REPLACE) : renamed;
        }

        Set<String> leftBehind() {
            Set<String> left = new TreeSet<>(from.keySet());
            left.retainAll(leaving);
            return left;
        }
    }

    @Override
    public PlanDraft apply(PlanDraft draft) {
        Map<String, DataIdentity> leaving = leaving(draft);
        Map<String, DataIdentity> lettingGo = new TreeMap<>(leaving);
        lettingGo.putAll(movingOffTheirData(draft));

        List<Action> actions = new ArrayList<>();
        List<Takeover> takeovers = new ArrayList<>();
        for (Action action : draft.actions()) {
            Takeover takeover = takeover(action, draft, lettingGo, leaving.keySet());
            if (takeover == null) {
                actions.add(action);
            } else {
                takeovers.add(takeover);
                actions.add(takeover.carriedOut());
            }
        }
        if (draft.options().allowOffsetLoss()) {
            Set<String> leftBehind = new TreeSet<>();
            takeovers.forEach(takeover -> leftBehind.addAll(takeover.leftBehind()));
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
            if (updates(action)) {
                DataIdentity before = before(draft, action);
                if (after(draft, action).sharedWith(before).isEmpty()) {
                    moving.put(action.connector(), before);
                }
            }
        }
        return moving;
    }

    /** Whose data a create or an update takes over, or null when it takes over nobody's. */
    private static Takeover takeover(Action action, PlanDraft draft, Map<String, DataIdentity> lettingGo,
                                     Set<String> leaving) {
        if (action.type() != ActionType.CREATE && !updates(action)) {
            return null;
        }
        DataIdentity after = after(draft, action);
        DataIdentity before = action.type() == ActionType.CREATE ? null : before(draft, action);
        boolean moved = before != null && after.sharedWith(before).isEmpty();
        Map<String, String> from = new LinkedHashMap<>();
        lettingGo.forEach((name, theirs) -> {
            boolean readItAlready = before != null && !moved && before.sharedWith(theirs).isPresent();
            if (!name.equals(action.connector()) && !readItAlready) {
                after.sharedWith(theirs).ifPresent(why -> from.put(name, why));
            }
        });
        if (from.isEmpty()) {
            return null;
        }
        Arrival arrival = before == null ? Arrival.CREATED : moved ? Arrival.MOVED : Arrival.ADDED;
        return new Takeover(action, arrival, from, leaving);
    }

    private static boolean updates(Action action) {
        return action.type() == ActionType.UPDATE || action.type() == ActionType.REPLACE;
    }

    private static DataIdentity before(PlanDraft draft, Action action) {
        return DataIdentity.of(draft.managed().get(action.connector()).config());
    }

    private static DataIdentity after(PlanDraft draft, Action action) {
        return DataIdentity.of(draft.wanted().get(action.connector()).config());
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
        Map<String, String> from = takeover.from();
        String olds = String.join(" and ", from.keySet());
        String owners = from.size() == 1 ? olds + "'s" : "their";
        String why = from.size() == 1 ? from.values().iterator().next() : from.entrySet().stream()
                .map(old -> old.getKey() + ": " + old.getValue()).collect(Collectors.joining("; "));
        String deleting = takeover.leftBehind().isEmpty() ? ""
                : " delete " + String.join(" and ", takeover.leftBehind()) + " and";
        String what = switch (takeover.arrival()) {
            case CREATED -> connector + " looks like a rename of " + olds + " (" + why + "): it would start without "
                    + owners + " offsets, reading the data again or skipping it. Keep the old name, or give "
                    + "--allow-offset-loss to" + deleting + " create " + connector;
            case MOVED -> connector + " would take over the data of " + olds + " (" + why + ") and no longer read "
                    + "its own: updated in place it would keep offsets of data it no longer reads, and start on the "
                    + "new data without " + owners + " offsets (two connectors swapping names are two renames). "
                    + "Keep each name on its data, or give --allow-offset-loss to" + deleting + " replace "
                    + connector + " (delete and create it, without offsets)";
            case ADDED -> connector + " would take over the data of " + olds + " (" + why + "), which it did not "
                    + "read before: it would start on it without " + owners + " offsets. Keep it as it was, or give "
                    + "--allow-offset-loss to" + deleting + " update " + connector;
        };
        return what + " in the same apply. A future --carry-offsets will move the offsets across instead.";
    }
}
