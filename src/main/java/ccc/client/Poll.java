package ccc.client;

import ccc.CccException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Polls something asynchronous until it is done or a deadline passes: the one polling loop of ccc
 * (connector states, offsets requests, a just-created connector that answers 404 for a while).
 * Remote state changes are asynchronous on every Connect service, so ccc polls, never sleeps a
 * guessed time.
 */
public record Poll(Duration timeout, Duration interval, Duration maxInterval) {

    public Poll {
        if (timeout.isNegative() || interval.isNegative() || maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("negative timeout or interval, or a maximum below the interval");
        }
    }

    /** At a fixed interval. */
    public Poll(Duration timeout, Duration interval) {
        this(timeout, interval, interval);
    }

    /** Starting at {@code first} and backing off (×1.5) up to {@code interval}: quick changes are seen quickly. */
    public static Poll backingOff(Duration timeout, Duration first, Duration interval) {
        return new Poll(timeout, first.compareTo(interval) < 0 ? first : interval, interval);
    }

    /**
     * Reads until {@code done} holds for what was read, or the timeout passes, and returns the last
     * value read either way (the caller tells which by testing it again). An exception thrown by
     * {@code read} ends the polling and is rethrown as it is.
     */
    public <T> T until(CheckedSupplier<T> read, Predicate<T> done) {
        Duration first = interval.isZero() ? Duration.ofMillis(1) : interval;
        RetryPolicyBuilder<T> builder = RetryPolicy.<T>builder()
                .handleResultIf(value -> !done.test(value))
                .withMaxAttempts(-1)
                .withMaxDuration(timeout);
        RetryPolicy<T> policy = (maxInterval.compareTo(first) > 0
                ? builder.withBackoff(first, maxInterval, 1.5) : builder.withDelay(first)).build();
        try {
            return Failsafe.with(policy).get(read);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CccException("interrupted while waiting", e.getCause());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CccException("waiting failed: " + e.getCause(), e.getCause());
        }
    }
}
