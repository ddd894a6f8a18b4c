package ccc.cli;

import ccc.client.Poll;
import ccc.engine.Wait;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a command waits for an asynchronous change, and how often it looks. */
public final class WaitOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait per connector, e.g. 90s or 5m (default: 5m for apply and offsets, "
                    + "2m for pause, resume and restart).")
    Duration timeout;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "2s", converter = DurationConverter.class)
    Duration pollInterval;

    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a connector must hold its state after a change before it counts as reached "
                    + "(default: 5s, shorter with a short --poll-interval).")
    Duration settle;

    /** --settle, or 5 s (at most five poll intervals, so that a quick poll also settles quickly). */
    Duration settle() {
        if (settle != null) {
            return settle;
        }
        Duration fivePolls = pollInterval.multipliedBy(5);
        return fivePolls.compareTo(Duration.ofSeconds(5)) < 0 ? fivePolls : Duration.ofSeconds(5);
    }

    /** The whole waiting policy of a command. */
    Wait waiting(Duration defaultTimeout) {
        return new Wait(poll(defaultTimeout), settle());
    }

    Duration timeoutOr(Duration fallback) {
        return timeout == null ? fallback : timeout;
    }

    /** --timeout (or the command's default) and --poll-interval as one polling policy. */
    Poll poll(Duration defaultTimeout) {
        return new Poll(timeoutOr(defaultTimeout), pollInterval);
    }
}
