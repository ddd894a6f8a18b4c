package ccc.engine;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.TaskState;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Polls a connector's status until it reaches a state, fails, or a deadline passes. State changes
 * are asynchronous on every Connect service, and a just-created connector may answer 404 for a
 * moment, so both are waited out rather than reported.
 */
public final class StateWaiter {

    static final String REJECTED_UPDATE = "Unable to validate configuration";

    /** How the wait ended: the last state seen and a one-line explanation. */
    public record Result(Outcome.Result result, String state, String message) {
        public boolean reached() {
            return result == Outcome.Result.DONE;
        }
    }

    private final ConnectClient client;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Consumer<String> progress;

    public StateWaiter(ConnectClient client, Duration timeout, Duration pollInterval, Consumer<String> progress) {
        this.client = client;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.progress = progress;
    }

    /** Waits for {@code target} (RUNNING: the connector and all its tasks; PAUSED: the connector). */
    public Result await(String name, String target) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastState = null;
        while (true) {
            ConnectorStatus status = null;
            try {
                status = client.status(name);
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    return new Result(Outcome.Result.FAILED, null, e.getMessage());
                }
            }
            if (status != null) {
                if (!status.state().equals(lastState)) {
                    progress.accept(name + ": " + status.state());
                }
                lastState = status.state();
                Result settled = settled(target, status);
                if (settled != null) {
                    return settled;
                }
            }
            if (System.nanoTime() > deadline) {
                return new Result(Outcome.Result.TIMED_OUT, lastState,
                        "still " + (lastState == null ? "not visible" : lastState) + " after "
                                + timeout.toSeconds() + "s (expected " + target + ")");
            }
            sleep();
        }
    }

    private static Result settled(String target, ConnectorStatus status) {
        String state = status.state();
        String trace = status.connector() == null ? null : status.connector().trace();
        if ("FAILED".equalsIgnoreCase(state)) {
            if (trace != null && trace.startsWith(REJECTED_UPDATE)) {
                return new Result(Outcome.Result.REJECTED, state,
                        "the update was rejected and the connector keeps running its previous config: "
                                + firstLine(trace));
            }
            return new Result(Outcome.Result.FAILED, state,
                    "connector FAILED" + (trace == null ? "" : ": " + firstLine(trace)));
        }
        if (!"PAUSED".equals(target)) {
            for (TaskState task : status.tasks()) {
                if ("FAILED".equalsIgnoreCase(task.state())) {
                    return new Result(Outcome.Result.FAILED, state, "task " + task.id() + " FAILED"
                            + (task.trace() == null ? "" : ": " + firstLine(task.trace())));
                }
            }
        }
        boolean tasksReady = "PAUSED".equals(target)
                || status.tasks().stream().allMatch(t -> "RUNNING".equalsIgnoreCase(t.state()));
        if (target.equalsIgnoreCase(state) && tasksReady) {
            return new Result(Outcome.Result.DONE, state, state);
        }
        return null;
    }

    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CccException("interrupted while waiting");
        }
    }
}
