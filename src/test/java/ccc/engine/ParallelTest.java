package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bounded parallel calls: results in order, at most so many at once, every call made even when one fails. */
class ParallelTest {

    @Test
    void resultsComeInTheItemsOrderAndNoMoreThanTheBoundRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        List<Integer> squares = Parallel.map("test", 2, List.of(1, 2, 3, 4, 5, 6), item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                pairs.await(60, TimeUnit.SECONDS); // only two at once can meet here
            } catch (Exception e) {
                throw new AssertionError("two calls did not run at once", e);
            } finally {
                running.decrementAndGet();
            }
            return item * item;
        });

        assertEquals(List.of(1, 4, 9, 16, 25, 36), squares);
        assertEquals(2, most.get());
    }

    @Test
    void theFirstFailureInTheItemsOrderIsThrownOnceEveryCallHasEnded() {
        Set<Integer> called = ConcurrentHashMap.newKeySet();
        CccException second = new CccException("item 2");
        CccException third = new CccException("item 3");
        CccException thrown = assertThrows(CccException.class, () -> Parallel.map("test", 4, List.of(1, 2, 3, 4),
                item -> {
                    called.add(item);
                    if (item == 2) {
                        throw second;
                    }
                    if (item == 3) {
                        throw third;
                    }
                    return item;
                }));

        assertSame(second, thrown);
        assertEquals(Set.of(1, 2, 3, 4), called);
    }

    @Test
    void oneItemIsCalledOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true), Parallel.map("test", 8, List.of("only"), item -> Thread.currentThread() == caller));
        assertTrue(Parallel.map("test", 8, List.<String>of(), item -> item).isEmpty());
    }
}
