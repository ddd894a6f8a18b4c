package ccc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Independent remote calls run a bounded number at a time, on daemon threads. */
final class Parallel {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Parallel() {
    }

    /**
     * A pool of at most {@code threads} daemon threads named {@code name-N}: a call stuck past its deadline
     * never holds the JVM open. The caller shuts it down.
     */
    static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@code call} of every item, at most {@code parallelism} at a time, the results in the items' order;
     * one item is called on this thread. The first exception, in the items' order, is thrown once every
     * call has ended.
     */
    static <T, R> List<R> map(String name, int parallelism, List<T> items, Function<T, R> call) {
        if (items.size() <= 1 || parallelism <= 1) {
            return items.stream().map(call).toList();
        }
        ExecutorService pool = pool(name, Math.min(parallelism, items.size()));
        try {
            List<Future<R>> pending = new ArrayList<>();
            items.forEach(item -> pending.add(pool.submit(() -> call.apply(item))));
            List<R> results = new ArrayList<>();
            RuntimeException first = null;
            for (Future<R> future : pending) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    first = first != null ? first : (RuntimeException) e.getCause();
                    results.add(null);
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ccc.CccException("interrupted while waiting for " + name + " calls");
        } finally {
            pool.shutdownNow();
        }
    }
}
