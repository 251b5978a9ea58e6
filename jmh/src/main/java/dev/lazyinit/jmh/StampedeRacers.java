package dev.lazyinit.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * N platform threads lined up on a gate for one single-shot stampede: each calls one {@code get()} once the gate
 * opens, and the shot returns when every one of them holds what it got.
 *
 * <p>What could go wrong, and what this class does about it:
 * <ul>
 *   <li>A racer still starting when the gate opens does not race: it arrives late, and its start-up lands in the
 *       measured time (on 2 cores, 64 threads take a while to start). So {@link #awaitParked} returns only once
 *       every racer has arrived (a ready latch) and is parked on the gate (its thread state is WAITING); arrived
 *       is not yet parked.</li>
 *   <li>A call handed to the racers without a happens-before edge could be seen stale. {@link #release} writes
 *       it before it opens the gate, and every racer reads it after passing the gate.</li>
 *   <li>A racer whose call throws must neither hang the shot nor go unnoticed: it counts itself done either way,
 *       and {@link #release} rethrows the first failure once every racer is done.</li>
 *   <li>A gate the shot never opened would leave the racers parked for ever: {@link #openGate} opens it from the
 *       teardown (idempotent), and the racers, finding nothing to call, end as failures nobody reads.</li>
 * </ul>
 * This is not the store harness's {@code Race}: that one starts pooled threads inside the call and lines them up
 * on a barrier, so their start-up would be timed and nothing confirms that they are parked.
 *
 * @param <R> what a racer's call returns
 */
final class StampedeRacers<R> {

    private final int threads;
    private final List<Thread> racers;
    private final CountDownLatch ready;
    private final CountDownLatch start = new CountDownLatch(1);
    private final CountDownLatch done;
    private final AtomicReferenceArray<R> got;
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile Call<? extends R> call;

    /**
     * What every racer calls once the gate opens.
     *
     * @param <R> what the call returns
     */
    interface Call<R> {

        /**
         * @param slot the racer's number, 0 to N - 1
         * @return what this racer ends up holding
         */
        R get(int slot);
    }

    /**
     * Starts the racers; they arrive at the gate and park there.
     *
     * @param threads how many racers, N
     */
    StampedeRacers(int threads) {
        this.threads = threads;
        this.ready = new CountDownLatch(threads);
        this.done = new CountDownLatch(threads);
        this.got = new AtomicReferenceArray<>(threads);
        this.racers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int slot = i;
            Thread t = new Thread(() -> race(slot), "stampede-" + i);
            t.setDaemon(true);
            t.start();
            racers.add(t);
        }
    }

    /** @return the gate the racers park on, for another thread to park on too */
    CountDownLatch gate() {
        return start;
    }

    /**
     * Returns once every racer is parked on the gate, and so is every other thread given that is still alive.
     *
     * @param alongside threads that park on the gate beside the racers
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if a racer or a given thread is not parked within 30 s
     */
    void awaitParked(Thread... alongside) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(ready.getCount() + " of " + threads + " racers never arrived");
        }
        // Arrived is not yet parked: a racer past ready.countDown() may not have reached start.await().
        List<Thread> waiting = new ArrayList<>(racers);
        for (Thread t : alongside) {
            if (t.isAlive()) {
                waiting.add(t);
            }
        }
        for (Thread t : waiting) {
            while (t.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline || !t.isAlive()) {
                    throw new IllegalStateException(t.getName() + " is " + t.getState() + ", not parked");
                }
                LockSupport.parkNanos(100_000); // not a spin: the racers need the CPU to get there
            }
        }
    }

    private void race(int slot) {
        try {
            ready.countDown();
            start.await();
            got.set(slot, call.get(slot));
        } catch (Throwable e) {
            failures.add(e);
        } finally {
            done.countDown();
        }
    }

    /**
     * Opens the gate onto a call and returns when every racer has made it.
     *
     * @param what what every racer calls, with its number, 0 to N - 1
     * @throws InterruptedException if interrupted while waiting for the racers
     * @throws IllegalStateException if a racer's call failed
     */
    void release(Call<? extends R> what) throws InterruptedException {
        call = what; // published to the racers by the gate
        start.countDown();
        done.await();
        Throwable failure = failures.peek();
        if (failure != null) {
            throw new IllegalStateException("With " + threads + " threads: a get() failed", failure);
        }
    }

    /** Opens the gate if the shot never did, so that no racer stays parked. */
    void openGate() {
        start.countDown(); // idempotent
    }

    /**
     * @param slot a racer's number, 0 to N - 1
     * @return what that racer got, or null if it got nothing
     */
    R got(int slot) {
        return got.get(slot);
    }

    /**
     * Waits for every racer to end, at most 30 s each.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void join() throws InterruptedException {
        for (Thread t : racers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
