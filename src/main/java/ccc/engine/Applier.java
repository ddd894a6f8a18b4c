package ccc.engine;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.config.DeclaredState;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Carries out a plan: deletes first (they free capacity and complete renames), then every other
 * action, a bounded number at a time; then waits for each touched connector to reach its
 * declared state. One connector's failure never hides another's outcome.
 */
public final class Applier {

    public record Settings(int parallelism, boolean waitForState, Duration timeout, Duration pollInterval) {
        public static final Settings DEFAULT = new Settings(4, true, Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    private final ConnectClient client;
    private final Settings settings;
    private final Consumer<Outcome> progress;

    public Applier(ConnectClient client, Settings settings, Consumer<Outcome> progress) {
        this.client = client;
        this.settings = settings;
        this.progress = progress;
    }

    public List<Outcome> apply(Plan plan, Map<String, ResolvedConnector> desired) {
        List<Action> deletes = plan.changes().stream().filter(a -> a.type() == ActionType.DELETE).toList();
        List<Action> others = plan.changes().stream().filter(a -> a.type() != ActionType.DELETE).toList();
        List<Outcome> outcomes = new ArrayList<>(runAll(deletes, desired));
        outcomes.addAll(runAll(others, desired));
        return outcomes;
    }

    private List<Outcome> runAll(List<Action> actions, Map<String, ResolvedConnector> desired) {
        if (actions.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(), actions.size())));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Action action : actions) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = run(action, desired.get(action.connector()));
                    progress.accept(outcome);
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), actions.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome await(Future<Outcome> future, Action action) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(action.connector(), action.type(), Outcome.Result.SKIPPED, null, "interrupted");
        } catch (ExecutionException e) {
            return new Outcome(action.connector(), action.type(), Outcome.Result.FAILED, null,
                    String.valueOf(e.getCause()));
        }
    }

    private Outcome run(Action action, ResolvedConnector connector) {
        String name = action.connector();
        try {
            switch (action.type()) {
                case DELETE -> {
                    client.delete(name);
                    return new Outcome(name, action.type(), Outcome.Result.DONE, "DELETED", "deleted");
                }
                case CREATE -> {
                    client.create(name, connector.config(), List.of(), connector.sensitiveKeys());
                    if (action.state() == DeclaredState.PAUSED) {
                        pauseWhenPresent(name);
                    }
                }
                case REPLACE -> {
                    client.delete(name);
                    client.create(name, connector.config(), List.of(), connector.sensitiveKeys());
                    if (action.state() == DeclaredState.PAUSED) {
                        pauseWhenPresent(name);
                    }
                }
                case UPDATE -> {
                    client.updateConfig(name, connector.config(), connector.sensitiveKeys());
                    changeState(name, action);
                }
                case PAUSE -> client.pause(name);
                case RESUME -> client.resume(name);
                default -> {
                    return new Outcome(name, action.type(), Outcome.Result.SKIPPED, null, "nothing to do");
                }
            }
        } catch (CccException e) {
            return new Outcome(name, action.type(), Outcome.Result.FAILED, null, e.getMessage());
        }
        if (!settings.waitForState()) {
            return new Outcome(name, action.type(), Outcome.Result.DONE, null, "submitted (not waiting)");
        }
        return waitFor(name, action);
    }

    private void changeState(String name, Action action) {
        boolean statusChange = action.changes().stream().anyMatch(c -> c.key().equals(ccc.plan.Change.STATUS_KEY));
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

    private Outcome waitFor(String name, Action action) {
        StateWaiter.Result result = new StateWaiter(client, settings.timeout(), settings.pollInterval(), state -> { })
                .await(name, action.state());
        return new Outcome(name, action.type(), result.result(), result.state(),
                result.reached() ? describe(action.type()) : result.message());
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
