package ccc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import ccc.client.ApiException;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.KafkaConnectClient;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on a real worker: it reaches a state some time after the request that asked for it. */
public final class Poll {

    private Poll() {
    }

    /** Polls {@code probe} until {@code done}, failing with the last value seen after {@code deadline}. */
    public static <T> T until(Duration deadline, String what, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                fail("waited " + deadline.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }

    /** The connector's status, or null while the worker does not know it. */
    public static ConnectorStatus statusOrNull(KafkaConnectClient worker, String name) {
        try {
            return worker.status(name);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }
}
