package ccc.cli;

import ccc.client.Poll;
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

    Duration timeoutOr(Duration fallback) {
        return timeout == null ? fallback : timeout;
    }

    /** --timeout (or the command's default) and --poll-interval as one polling policy. */
    Poll poll(Duration defaultTimeout) {
        return new Poll(timeoutOr(defaultTimeout), pollInterval);
    }
}
