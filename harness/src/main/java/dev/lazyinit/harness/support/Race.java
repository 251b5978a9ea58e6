package dev.lazyinit.harness.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Releases threads together through a barrier into one call, the way the seed's stampede test did. */
public final class Race {

    /** How long a race may take before the test calls it a hang. Generous: it catches hangs, not slowness. */
    public static final Duration HANG_BOUND = Duration.ofSeconds(60);

    private Race() {
    }

    /** What one thread got: a value, or what it threw. */
    public record Result<T>(T value, Throwable failure) {
    }

    /**
     * Starts {@code threads} platform threads, waits until all stand at a barrier, then lets them call
     * {@code task} together.
     *
     * @param threads how many threads
     * @param task what each calls once
     * @param <T> the result type
     * @return one result per thread
     */
    public static <T> List<Result<T>> run(int threads, Supplier<T> task) {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return new Result<T>(task.get(), null);
                    } catch (RuntimeException | Error e) {
                        return new Result<T>(null, e);
                    }
                }));
            }
            List<Result<T>> results = new ArrayList<>();
            long deadline = System.nanoTime() + HANG_BOUND.toNanos();
            for (Future<Result<T>> f : futures) {
                results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Race did not finish within " + HANG_BOUND, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
