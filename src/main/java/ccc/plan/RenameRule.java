package ccc.plan;

import ccc.config.ConnectorKind;
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
 * <p>
 * With --carry-offsets a plain rename (one connector leaving, one created in its place, offsets in
 * a format the new one reads) is a {@link ActionType#MOVE} instead: the old connector is paused
 * (or stopped), its offsets read, the new one created from them, and the old one deleted once the
 * new one runs; so the old connector has no action of its own. A move an earlier apply left half
 * done (the new connector there, the old one paused or stopped and leaving) is a move again, which
 * completes it. Takeovers a move cannot carry (swaps, merges, a source changing class) are refused,
 * or carried out without offsets with --allow-offset-loss too.
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
        Map<Takeover, String> uncarriable = new LinkedHashMap<>();
        takeovers.forEach(takeover -> {
            String why = whyNotCarried(takeover, takeovers, draft);
            if (why != null) {
                uncarriable.put(takeover, why);
            }
        });
        if (draft.options().carryOffsets()) {
            return carryingOffsets(draft, actions, takeovers, uncarriable);
        }
        if (draft.options().allowOffsetLoss()) {
            Set<String> leftBehind = new TreeSet<>();
            takeovers.forEach(takeover -> leftBehind.addAll(takeover.leftBehind()));
            return draft.withActions(deleting(actions, leftBehind));
        }
        PlanDraft result = draft.withActions(actions);
        for (Takeover takeover : takeovers) {
            result = result.refuse(RuleId.RENAME.refuse(takeover.action().connector(),
                    message(takeover) + carryHint(takeover, uncarriable.get(takeover))));
        }
        return result;
    }

    /**
     * --carry-offsets: each rename it can carry becomes a move (the old connector is deleted by the
     * move, last, so it leaves the plan's other actions), and a move an earlier apply left half done
     * is completed. A takeover it cannot carry is refused, or with --allow-offset-loss carried out
     * without offsets as usual.
     */
    private static PlanDraft carryingOffsets(PlanDraft draft, List<Action> actions, List<Takeover> takeovers,
                                             Map<Takeover, String> uncarriable) {
        Map<String, String> moves = new LinkedHashMap<>();
        Set<String> involved = new TreeSet<>();
        for (Takeover takeover : takeovers) {
            involved.add(takeover.action().connector());
            involved.addAll(takeover.from().keySet());
            if (!uncarriable.containsKey(takeover)) {
                moves.put(takeover.action().connector(), takeover.from().keySet().iterator().next());
            }
        }
        // Completing a move deletes a connector no plan action names: only with --prune as well, so that a
        // paused orphan that merely shares data is never deleted by a guess.
        Map<String, String> unfinished = draft.options().prune() ? unfinishedMoves(draft, involved) : Map.of();
        Set<String> movedAway = new TreeSet<>(moves.values());
        movedAway.addAll(unfinished.values());
        List<Action> result = new ArrayList<>();
        for (Action action : actions) {
            if (movedAway.contains(action.connector())) {
                continue; // deleted by its move, once the new connector runs
            }
            String from = moves.get(action.connector());
            String completing = unfinished.get(action.connector());
            result.add(from != null ? action.movedFrom(from, false)
                    : completing != null ? action.movedFrom(completing, true) : action);
        }
        PlanDraft carried = draft.withActions(result);
        if (draft.options().allowOffsetLoss()) {
            Set<String> leftBehind = new TreeSet<>();
            uncarriable.keySet().forEach(takeover -> leftBehind.addAll(takeover.leftBehind()));
            return carried.withActions(deleting(result, leftBehind));
        }
        for (Map.Entry<Takeover, String> refused : uncarriable.entrySet()) {
            carried = carried.refuse(RuleId.RENAME.refuse(refused.getKey().action().connector(),
                    message(refused.getKey()) + carryHint(refused.getKey(), refused.getValue())));
        }
        return carried;
    }

    /**
     * Why --carry-offsets cannot carry this takeover, or null when it can: a plain rename, one old
     * connector leaving and one new connector created in its place, whose offsets are in a format
     * the new connector reads (a sink's topic-partition offsets always are; a source's only within
     * its class).
     */
    private static String whyNotCarried(Takeover takeover, List<Takeover> all, PlanDraft draft) {
        String connector = takeover.action().connector();
        if (takeover.arrival() != Arrival.CREATED) {
            return connector + " exists already, and --carry-offsets carries offsets only to a connector it creates"
                    + " (two connectors swapping names: rename one of them to a new name first, in its own apply)";
        }
        if (takeover.from().size() > 1) {
            return connector + " takes over " + takeover.from().size() + " connectors, and --carry-offsets moves the"
                    + " offsets of one connector to one new connector";
        }
        String old = takeover.from().keySet().iterator().next();
        if (!takeover.leaving().contains(old)) {
            return old + " stays in the repository and keeps its own offsets";
        }
        long sharing = all.stream().filter(other -> other.from().containsKey(old)).count();
        if (sharing > 1) {
            return old + "'s data is taken over by " + sharing + " connectors, and --carry-offsets moves one"
                    + " connector's offsets to one new connector";
        }
        Map<String, String> before = draft.cluster().stream().filter(c -> c.name().equals(old)).findFirst()
                .map(ActualConnectorState::config).orElse(Map.of());
        Map<String, String> after = draft.wanted().get(connector).config();
        String classBefore = before.getOrDefault("connector.class", "");
        String classAfter = after.getOrDefault("connector.class", "");
        if (ConnectorKind.of(after) == ConnectorKind.SOURCE && !classBefore.equalsIgnoreCase(classAfter)) {
            return "a source's offsets are in its class's own format, and " + old + " runs " + classBefore + " while "
                    + connector + " would run " + classAfter + ": ccc does not guess how one reads the other's";
        }
        return null;
    }

    private static String carryHint(Takeover takeover, String whyNot) {
        if (whyNot == null) {
            String old = takeover.from().keySet().iterator().next();
            return ", or --carry-offsets to move " + old + "'s offsets across (" + old + " paused, "
                    + takeover.action().connector() + " created from its offsets and verified running, " + old
                    + " deleted last)";
        }
        return ". --carry-offsets cannot carry it: " + whyNot;
    }

    /**
     * Moves an earlier apply left half done: a connector the repository declares that exists in the
     * cluster, and a connector leaving the repository, paused or stopped, that moves the same data
     * (a move pauses the old connector, creates the new one from its offsets, and deletes the old one
     * only once the new one runs). By the new connector's name, the old one's name; connectors
     * already part of a takeover, and a new connector with several candidates, are left out.
     */
    static Map<String, String> unfinishedMoves(PlanDraft draft, Set<String> involved) {
        Map<String, ActualConnectorState> stopped = new TreeMap<>();
        for (ActualConnectorState connector : draft.cluster()) {
            if (connector.name().startsWith(draft.options().namePrefix())
                    && !draft.wanted().containsKey(connector.name())
                    && !draft.options().declaredNames().contains(connector.name())
                    && connector.runState().notRunning() && !involved.contains(connector.name())) {
                stopped.put(connector.name(), connector);
            }
        }
        Map<String, String> unfinished = new TreeMap<>();
        Set<String> taken = new TreeSet<>();
        for (Action action : draft.actions()) {
            boolean exists = draft.managed().containsKey(action.connector());
            if (!exists || involved.contains(action.connector()) || action.type() == ActionType.REPLACE
                    || action.type() == ActionType.DELETE || action.type() == ActionType.ORPHAN
                    || !draft.wanted().containsKey(action.connector())) {
                continue;
            }
            DataIdentity wantedData = DataIdentity.of(draft.wanted().get(action.connector()).config());
            List<String> candidates = stopped.values().stream()
                    .filter(old -> wantedData.sharedWith(DataIdentity.of(old.config())).isPresent())
                    .map(ActualConnectorState::name).toList();
            if (candidates.size() == 1 && taken.add(candidates.get(0))) {
                unfinished.put(action.connector(), candidates.get(0));
            }
        }
        return unfinished;
    }

    /** Without --carry-offsets: what a plan says of a move an earlier apply left half done. */
    static List<Notice> unfinishedMoveNotices(PlanDraft draft, String environment) {
        List<Notice> notices = new ArrayList<>();
        unfinishedMoves(draft, Set.of()).forEach((connector, old) -> notices.add(new Notice(connector,
                Notice.Kind.UNFINISHED_MOVE, connector + " and " + old + " (" + state(draft, old) + ", leaving the "
                + "repository) move the same data: this looks like a move from " + old + " that did not finish",
                "ccc apply --env " + environment + " --carry-offsets --prune " + connector + " completes it (" + old
                        + " is deleted once " + connector + " runs)")));
        return notices;
    }

    private static String state(PlanDraft draft, String name) {
        return draft.cluster().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> c.runState().name()).orElse("?");
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
        return what + " in the same apply";
    }
}
