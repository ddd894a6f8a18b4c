package ccc.engine;

import ccc.client.ApiException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorStatus;
import ccc.config.DeclaredState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits until one connector reaches a declared state after a runbook action, judged by the states
 * that follow the action ({@link Settling}). A just-created connector may answer 404 for a moment,
 * which counts as "not yet".
 */
public final class StateWaiter {

    /** How the wait ended: the last state seen and a one-line explanation. */
    public record Result(Outcome.Result result, String state, String message) {
        public boolean reached() {
            return result == Outcome.Result.DONE;
        }
    }

    private final ConnectClient client;
    private final Poll poll;
    private final Duration settle;
    private final Consumer<String> progress;

    public StateWaiter(ConnectClient client, Poll poll, Duration settle, Consumer<String> progress) {
        this.client = client;
        this.poll = poll;
        this.settle = settle;
        this.progress = progress;
    }

    /**
     * Waits for {@code wanted} (RUNNING: the connector and all its tasks, held for the settle
     * window; PAUSED: the connector) after a change made when the connector showed {@code before}.
     */
    public Result await(String name, DeclaredState wanted, ConnectorStatus before) {
        Settling settling = new Settling(name, wanted, before, null, settle, Instant.now());
        String[] lastState = {null};
        Result[] settled = {null};
        try {
            poll.until(() -> {
                ConnectorStatus status = client.statusIfPresent(name);
                if (status != null && !Objects.equals(status.state(), lastState[0])) {
                    lastState[0] = status.state();
                    progress.accept(name + ": " + status.state());
                }
                settled[0] = settling.observe(status, null, Instant.now());
                return settled[0];
            }, Objects::nonNull);
        } catch (ApiException e) {
            return new Result(Outcome.Result.FAILED, lastState[0], e.getMessage());
        }
        return settled[0] != null ? settled[0] : settling.timedOut(poll.timeout());
    }

    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
