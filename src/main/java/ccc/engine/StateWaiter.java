package ccc.engine;

import ccc.client.ApiException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.TaskState;
import ccc.config.DeclaredState;
import ccc.plan.RunState;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits until a connector reaches a declared state, fails, or a deadline passes. A just-created
 * connector may answer 404 for a moment, which counts as "not yet".
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
    private final Poll poll;
    private final Consumer<String> progress;

    public StateWaiter(ConnectClient client, Duration timeout, Duration pollInterval, Consumer<String> progress) {
        this.client = client;
        this.poll = new Poll(timeout, pollInterval);
        this.progress = progress;
    }

    /** Waits for {@code wanted}: RUNNING means the connector and all its tasks; PAUSED the connector. */
    public Result await(String name, DeclaredState wanted) {
        String[] lastState = {null};
        Result[] settled = {null};
        try {
            poll.until(() -> {
                ConnectorStatus status = client.statusIfPresent(name);
                if (status != null) {
                    if (!java.util.Objects.equals(status.state(), lastState[0])) {
                        progress.accept(name + ": " + status.state());
                    }
                    lastState[0] = status.state();
                    settled[0] = settled(wanted, status);
                }
                return settled[0];
            }, result -> result != null);
        } catch (ApiException e) {
            return new Result(Outcome.Result.FAILED, lastState[0], e.getMessage());
        }
        if (settled[0] != null) {
            return settled[0];
        }
        return new Result(Outcome.Result.TIMED_OUT, lastState[0],
                "still " + (lastState[0] == null ? "not visible" : lastState[0]) + " after "
                        + poll.timeout().toSeconds() + "s (expected " + wanted + ")");
    }

    private static Result settled(DeclaredState wanted, ConnectorStatus status) {
        String trace = status.connector() == null ? null : status.connector().trace();
        if (status.runState() == RunState.FAILED) {
            if (trace != null && trace.startsWith(REJECTED_UPDATE)) {
                return new Result(Outcome.Result.REJECTED, status.state(),
                        "the update was rejected and the connector keeps running its previous config: "
                                + firstLine(trace));
            }
            return new Result(Outcome.Result.FAILED, status.state(),
                    "connector FAILED" + (trace == null ? "" : ": " + firstLine(trace)));
        }
        if (wanted == DeclaredState.RUNNING) {
            for (TaskState task : status.tasks()) {
                if (task.runState() == RunState.FAILED) {
                    return new Result(Outcome.Result.FAILED, status.state(), "task " + task.id() + " FAILED"
                            + (task.trace() == null ? "" : ": " + firstLine(task.trace())));
                }
            }
        }
        boolean tasksReady = wanted == DeclaredState.PAUSED
                || status.tasks().stream().allMatch(t -> t.runState() == RunState.RUNNING);
        if (status.runState() == RunState.of(wanted) && tasksReady) {
            return new Result(Outcome.Result.DONE, status.state(), status.state());
        }
        return null;
    }

    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
