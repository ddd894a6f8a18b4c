package ccc.engine;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.connect.ConnectorStatus;
import ccc.config.DeclaredState;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Change;
import ccc.plan.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Carries out a move (--carry-offsets) in the order that never loses a position and never runs two
 * connectors on the same data: the old connector is stopped (a self-managed worker) or paused
 * (Confluent Cloud), its offsets read once they no longer change, the new connector created from
 * them (Cloud: {@code offsets} in the create request; self-managed: created STOPPED, offsets
 * written, resumed), watched until it runs like any other change ({@link Settling}, in the
 * applier's batch watch), and only then the old connector deleted. Every step is reported the
 * moment it is done.
 *
 * <p>A failure at any step leaves both connectors visible and the old one paused (or stopped) with
 * its offsets, and says what the next {@code apply --carry-offsets} will do: the plan sees the new
 * connector there and the old one paused, and completes the move (a new connector still STOPPED
 * without offsets gets the old one's first). A sink carries its topic-partition offsets as they
 * are, those of topics the new connector does not read left behind; a source carries its class's
 * own offsets (the plan refuses a move that changes a source's class).
 */
final class Mover {

    /** A move as begun: ended already ({@code outcome}), or the new connector to watch ({@code settling}). */
    record Begun(Outcome outcome, Settling settling) {
    }

    private final ConnectClient client;
    private final String environment;
    private final Applier.Settings settings;
    private final Consumer<String> steps;
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> oldConnectorGone = new ConcurrentHashMap<>();

    Mover(ConnectClient client, String environment, Applier.Settings settings, Consumer<String> steps) {
        this.client = client;
        this.environment = environment;
        this.settings = settings;
        this.steps = steps;
    }

    /** Everything up to the new connector's create (or, completing a move, its resume): then it is watched. */
    Begun begin(Action action, ResolvedConnector connector) {
        String name = action.connector();
        String old = action.renamedFrom();
        Instant sentAt = Instant.now();
        boolean[] created = {false};
        String[] oldState = {null};
        try {
            ConnectorStatus oldStatus = client.statusIfPresent(old);
            ConnectorStatus existing = client.statusIfPresent(name);
            if (oldStatus == null) {
                if (existing == null) {
                    return failed(action, sentAt, old + " is not in the cluster any more, so there are no offsets to "
                            + "carry; nothing was created. Plan again: " + name + " is then a plain create");
                }
                oldConnectorGone.put(name, true);
                step(name, old + " is gone already: only " + name + " is left to verify");
            } else if (oldStatus.runState().notRunning()) {
                oldState[0] = oldStatus.state();
                step(name, old + " is " + oldState[0] + " already");
            } else {
                step(name, (existing == null ? "" : "completing the move: ") + "pausing " + old
                        + " so that its offsets stop moving");
                RunState quiet = client.stopOrPause(old);
                awaitQuiet(old, quiet);
                oldState[0] = quiet.name();
                step(name, old + " is " + quiet);
            }
            Map<String, String> expectedConfig = null;
            ConnectorStatus before = null;
            if (existing == null) {
                List<ConnectorOffsets.Entry> carried = carried(name, old, connector.config());
                client.create(name, connector.config(), carried, connector.sensitiveKeys());
                created[0] = true;
                if (action.state() == DeclaredState.PAUSED) {
                    Applier.pauseWhenPresent(client, name, settings);
                }
                step(name, "created from " + count(carried.size()) + " of " + old + "; waiting until it "
                        + (action.state() == DeclaredState.PAUSED ? "is PAUSED" : "runs"));
            } else {
                created[0] = true;
                before = existing;
                step(name, "exists already (" + existing.state() + "): completing the move from " + old);
                if (existing.runState() == RunState.STOPPED && oldStatus != null
                        && client.offsets(name).offsets().isEmpty()) {
                    List<ConnectorOffsets.Entry> carried = carried(name, old, connector.config());
                    if (!carried.isEmpty()) {
                        client.patchOffsets(name, carried);
                        step(name, "had no offsets while STOPPED: wrote " + count(carried.size()) + " of " + old);
                    }
                }
                if (action.changes().stream().anyMatch(change -> !change.key().equals(Change.STATUS_KEY))) {
                    client.updateConfig(name, connector.config(), connector.sensitiveKeys());
                    expectedConfig = connector.planned().config();
                    step(name, "config updated in place (offsets kept)");
                }
                if (action.state() == DeclaredState.RUNNING && existing.runState().notRunning()) {
                    client.resume(name);
                    step(name, "resumed; waiting until it runs");
                } else if (action.state() == DeclaredState.PAUSED && existing.runState() != RunState.PAUSED) {
                    client.pause(name);
                }
            }
            if (!settings.waitForState()) {
                return new Begun(new Outcome(name, ActionType.MOVE, Outcome.Result.DONE, null, "created from " + old
                        + "'s offsets, not waited for (--no-wait): " + old + " is left " + oldState(oldState[0])
                        + " and not deleted; " + again(name) + " deletes it once " + name + " runs",
                        Duration.between(sentAt, Instant.now()), log(name)), null);
            }
            return new Begun(null, new Settling(name, action.state(), before, expectedConfig, settings.settle(),
                    sentAt));
        } catch (CccException e) {
            return failed(action, sentAt, e.getMessage() + ". " + leftBehind(name, old, created[0], oldState[0]));
        }
    }

    /** After the watch: the old connector deleted when the new one reached its state, else both left as they are. */
    Outcome finish(Action action, StateWaiter.Result result, Duration elapsed) {
        String name = action.connector();
        String old = action.renamedFrom();
        if (!result.reached()) {
            return new Outcome(name, ActionType.MOVE, result.result(), result.state(), result.message() + ". "
                    + old + " is left paused (or stopped), not deleted, with its offsets. Fix " + name + " and run "
                    + again(name) + " to complete the move; or go back: delete " + name + " and 'ccc resume --env "
                    + environment + " " + old + "'", elapsed, log(name));
        }
        if (oldConnectorGone.getOrDefault(name, false)) {
            return new Outcome(name, ActionType.MOVE, Outcome.Result.DONE, result.state(), "moved from " + old
                    + " (offsets carried); " + old + " was gone already", elapsed, log(name));
        }
        try {
            client.delete(old);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                return new Outcome(name, ActionType.MOVE, Outcome.Result.FAILED, result.state(), name + " runs from "
                        + old + "'s offsets, but " + old + " could not be deleted: " + e.getMessage() + ". It is left "
                        + "paused; " + again(name) + " deletes it", elapsed, log(name));
            }
        }
        step(name, "deleted " + old);
        return new Outcome(name, ActionType.MOVE, Outcome.Result.DONE, result.state(), "moved from " + old
                + " (offsets carried); " + old + " deleted", elapsed, log(name));
    }

    private Begun failed(Action action, Instant sentAt, String message) {
        return new Begun(new Outcome(action.connector(), ActionType.MOVE, Outcome.Result.FAILED, null, message,
                Duration.between(sentAt, Instant.now()), log(action.connector())), null);
    }

    /** What a failure left, and what to do next. */
    private String leftBehind(String name, String old, boolean created, String oldState) {
        String oldLeft = oldState == null ? old + " was not paused: nothing changed"
                : old + " is left " + oldState + ", not deleted, with its offsets";
        if (!created) {
            return oldLeft + "; " + name + " was not created. Run " + again(name) + " to try again"
                    + (oldState == null ? "" : ", or go back with 'ccc resume --env " + environment + " " + old + "'");
        }
        return oldLeft + "; " + name + " is there. Run " + again(name) + " to complete the move, or go back: delete "
                + name + " and 'ccc resume --env " + environment + " " + old + "'";
    }

    private String again(String name) {
        return "'ccc apply --env " + environment + " --carry-offsets " + name + "'";
    }

    private static String oldState(String state) {
        return state == null ? "as it was" : state;
    }

    /** The old connector's offsets once two reads agree, those a sink's new config does not read left out. */
    private List<ConnectorOffsets.Entry> carried(String name, String old, Map<String, String> config) {
        List<ConnectorOffsets.Entry> offsets = OffsetCarry.stable(client, old, settings.timeout(),
                settings.pollInterval());
        List<ConnectorOffsets.Entry> kept = OffsetCarry.usableBy(config, offsets);
        step(name, "read " + count(offsets.size()) + " of " + old + (kept.size() == offsets.size() ? ""
                : "; carrying " + kept.size() + " (the others are of topics " + name + " does not read)"));
        return kept;
    }

    private void awaitQuiet(String old, RunState quiet) {
        OffsetCarry.awaitQuiet(client, old, quiet, poll());
    }

    private Poll poll() {
        return Poll.backingOff(settings.timeout(), Applier.Settings.FIRST_POLL, settings.pollInterval());
    }

    private void step(String name, String text) {
        logs.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(text);
        steps.accept(name + ": " + text);
    }

    private List<String> log(String name) {
        List<String> log = logs.get(name);
        return log == null ? List.of() : List.copyOf(log);
    }

    private static String count(int offsets) {
        return offsets + (offsets == 1 ? " offset" : " offsets");
    }
}
