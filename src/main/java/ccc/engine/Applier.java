package ccc.engine;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.RemoteConnector;
import ccc.config.DeclaredState;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Change;
import ccc.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Carries out a plan in two phases. First every change is sent, a bounded number at a time:
 * deletes first (they free capacity and complete renames), then the rest. Then every touched
 * connector is watched together, one list request per interval for all of them (starting short and
 * backing off), each judged by the states that follow its change ({@link Settling}). One
 * connector's failure never hides another's outcome.
 */
public final class Applier {

    /**
     * @param settle how long a connector must hold its declared state before it counts as reached
     */
    public record Settings(int parallelism, boolean waitForState, Duration timeout, Duration pollInterval,
                           Duration settle) {
        public static final Duration FIRST_POLL = Duration.ofMillis(250);
    }

    private final ConnectClient client;
    private final Settings settings;
    private final Consumer<Outcome> progress;
    private final Consumer<String> steps;

    public Applier(ConnectClient client, Settings settings, Consumer<Outcome> progress) {
        this(client, settings, progress, step -> { });
    }

    /** @param steps each step of an action that takes several (a move), the moment it is done */
    public Applier(ConnectClient client, Settings settings, Consumer<Outcome> progress, Consumer<String> steps) {
        this.client = client;
        this.settings = settings;
        this.progress = progress;
        this.steps = steps;
    }

    /**
     * @param before each connector's status when the plan was made: a failure it already showed is
     *     not blamed on the change
     */
    public List<Outcome> apply(Plan plan, Map<String, ResolvedConnector> desired, Map<String, ConnectorStatus> before) {
        Mover mover = new Mover(client, plan.environment(), settings, steps);
        List<Action> deletes = plan.changes().stream().filter(a -> a.type() == ActionType.DELETE).toList();
        List<Action> others = plan.changes().stream().filter(a -> a.type() != ActionType.DELETE).toList();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        // A replacement's delete runs with the deletes: when two connectors swap their data, neither
        // is created before both old ones are gone, so no two connectors ever run on the same data.
        for (Action action : others) {
            if (action.type() == ActionType.REPLACE) {
                try {
                    client.delete(action.connector());
                } catch (CccException e) {
                    outcomes.put(action.connector(), new Outcome(action.connector(), action.type(),
                            Outcome.Result.FAILED, null, "the old connector could not be deleted: " + e.getMessage()));
                }
            }
        }
        List<Settling> pending = new ArrayList<>();
        for (boolean deleting : new boolean[] {true, false}) {
            List<Action> phase = deleting ? deletes : others.stream()
                    .filter(a -> !outcomes.containsKey(a.connector()))
                    .filter(a -> !takesOverFromAFailedDelete(a, outcomes))
                    .toList();
            for (Sent sent : sendAll(phase, desired, before, mover)) {
                if (sent.outcome() != null) {
                    progress.accept(sent.outcome());
                    outcomes.put(sent.action().connector(), sent.outcome());
                } else {
                    pending.add(sent.settling());
                    outcomes.put(sent.action().connector(), null);
                }
            }
        }
        for (Action action : others) {
            if (!outcomes.containsKey(action.connector())) {
                Outcome skipped = new Outcome(action.connector(), action.type(), Outcome.Result.SKIPPED, null,
                        "not sent: " + action.renamedFrom() + ", whose data it takes over, could not be deleted, and two "
                                + "connectors must never run on the same data; fix that and apply again");
                progress.accept(skipped);
                outcomes.put(action.connector(), skipped);
            }
        }
        Map<String, Action> byName = new LinkedHashMap<>();
        plan.changes().forEach(action -> byName.put(action.connector(), action));
        for (Outcome outcome : awaitAll(pending, byName, mover)) {
            outcomes.put(outcome.connector(), outcome);
        }
        return List.copyOf(outcomes.values());
    }

    /** A create that takes over the data of a connector whose delete just failed must wait. */
    private static boolean takesOverFromAFailedDelete(Action action, Map<String, Outcome> outcomes) {
        Outcome old = action.renamedFrom() == null || action.type() == ActionType.MOVE ? null
                : outcomes.get(action.renamedFrom());
        return old != null && old.action() == ActionType.DELETE && !old.ok();
    }

    /** A change as sent: its outcome when it is already known, or what to watch for. */
    private record Sent(Action action, Outcome outcome, Settling settling) {
    }

    private List<Sent> sendAll(List<Action> actions, Map<String, ResolvedConnector> desired,
                               Map<String, ConnectorStatus> before, Mover mover) {
        if (actions.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(), actions.size())));
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (Action action : actions) {
                futures.add(pool.submit(() -> action.type() == ActionType.MOVE
                        ? begun(action, mover.begin(action, desired.get(action.connector())))
                        : send(action, desired.get(action.connector()), before.get(action.connector()))));
            }
            List<Sent> sent = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                sent.add(await(futures.get(i), actions.get(i)));
            }
            return sent;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sent await(Future<Sent> future, Action action) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(action, new Outcome(action.connector(), action.type(), Outcome.Result.SKIPPED, null,
                    "interrupted"), null);
        } catch (ExecutionException e) {
            return new Sent(action, new Outcome(action.connector(), action.type(), Outcome.Result.FAILED, null,
                    String.valueOf(e.getCause())), null);
        }
    }

    private static Sent begun(Action action, Mover.Begun begun) {
        return new Sent(action, begun.outcome(), begun.settling());
    }

    private Sent send(Action action, ResolvedConnector connector, ConnectorStatus before) {
        String name = action.connector();
        Instant sentAt = Instant.now();
        Map<String, String> expectedConfig = null;
        try {
            switch (action.type()) {
                case DELETE -> {
                    client.delete(name);
                    return new Sent(action, new Outcome(name, action.type(), Outcome.Result.DONE, "DELETED", "deleted",
                            Duration.between(sentAt, Instant.now())), null);
                }
                case CREATE -> create(name, connector, action);
                case REPLACE -> {
                    create(name, connector, action); // deleted with the deletes, before anything is created
                    before = null;
                }
                case UPDATE -> {
                    client.updateConfig(name, connector.config(), connector.sensitiveKeys());
                    expectedConfig = connector.planned().config();
                    changeState(name, action);
                }
                case PAUSE -> client.pause(name);
                case RESUME -> client.resume(name);
                default -> {
                    return new Sent(action, new Outcome(name, action.type(), Outcome.Result.SKIPPED, null,
                            "nothing to do"), null);
                }
            }
        } catch (CccException e) {
            return new Sent(action, new Outcome(name, action.type(), Outcome.Result.FAILED, null, e.getMessage(),
                    Duration.between(sentAt, Instant.now())), null);
        }
        if (!settings.waitForState()) {
            return new Sent(action, new Outcome(name, action.type(), Outcome.Result.DONE, null,
                    "submitted (not waiting)"), null);
        }
        ConnectorStatus judgedAgainst = action.type() == ActionType.CREATE ? null : before;
        return new Sent(action, null, new Settling(name, action.state(), judgedAgainst, expectedConfig,
                settings.settle(), sentAt));
    }

    private void create(String name, ResolvedConnector connector, Action action) {
        client.create(name, connector.config(), List.of(), connector.sensitiveKeys());
        if (action.state() == DeclaredState.PAUSED) {
            pauseWhenPresent(name);
        }
    }

    private void changeState(String name, Action action) {
        boolean statusChange = action.changes().stream().anyMatch(c -> c.key().equals(Change.STATUS_KEY));
        if (!statusChange) {
            return;
        }
        if (action.state() == DeclaredState.PAUSED) {
            client.pause(name);
        } else {
            client.resume(name);
        }
    }

    /** A just-created connector can answer 404 for a moment; pausing it must wait until it exists. */
    private void pauseWhenPresent(String name) {
        pauseWhenPresent(client, name, settings);
    }

    static void pauseWhenPresent(ConnectClient client, String name, Settings settings) {
        ApiException[] notFound = {null};
        boolean paused = new Poll(settings.timeout(), settings.pollInterval()).until(() -> {
            try {
                client.pause(name);
                return true;
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                notFound[0] = e;
                return false;
            }
        }, done -> done);
        if (!paused) {
            throw notFound[0];
        }
    }

    /** Watches every pending connector with one list request per interval until each is settled. */
    private List<Outcome> awaitAll(List<Settling> pending, Map<String, Action> actions, Mover mover) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Settling> open = new ArrayList<>(pending);
        List<Outcome> settled = new ArrayList<>();
        Poll poll = Poll.backingOff(settings.timeout(), Settings.FIRST_POLL, settings.pollInterval());
        try {
            poll.until(() -> {
                Map<String, RemoteConnector> cluster = client.list();
                Instant now = Instant.now();
                for (Settling settling : List.copyOf(open)) {
                    RemoteConnector seen = cluster.get(settling.connector());
                    StateWaiter.Result result = settling.observe(seen == null ? null : seen.status(),
                            seen == null ? null : seen.config(), now);
                    if (result != null) {
                        open.remove(settling);
                        Outcome outcome = outcome(actions.get(settling.connector()), result,
                                Duration.between(settling.sentAt(), now), mover);
                        progress.accept(outcome);
                        settled.add(outcome);
                    }
                }
                return open.isEmpty();
            }, done -> done);
        } catch (ApiException e) {
            for (Settling settling : open) {
                Action action = actions.get(settling.connector());
                settled.add(outcome(action, new StateWaiter.Result(Outcome.Result.FAILED, null,
                        "could not watch it: " + e.getMessage()), Duration.between(settling.sentAt(), Instant.now()),
                        mover));
            }
            return settled;
        }
        for (Settling settling : open) {
            Outcome outcome = outcome(actions.get(settling.connector()), settling.timedOut(settings.timeout()),
                    Duration.between(settling.sentAt(), Instant.now()), mover);
            progress.accept(outcome);
            settled.add(outcome);
        }
        return settled;
    }

    /** A move's outcome is its last step's: the old connector deleted once the new one is there. */
    private static Outcome outcome(Action action, StateWaiter.Result result, Duration elapsed, Mover mover) {
        if (action.type() == ActionType.MOVE) {
            return mover.finish(action, result, elapsed);
        }
        return new Outcome(action.connector(), action.type(), result.result(), result.state(),
                result.reached() ? describe(action.type()) : result.message(), elapsed);
    }

    private static String describe(ActionType type) {
        return switch (type) {
            case CREATE -> "created";
            case UPDATE -> "updated in place";
            case REPLACE -> "replaced";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
            default -> "done";
        };
    }
}
