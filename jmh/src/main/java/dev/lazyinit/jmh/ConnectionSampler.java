package dev.lazyinit.jmh;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.jmh.BenchSupport.ServerView;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Polls pg_stat_activity for one application name, keeping the maximum: parked on the racers' gate, it
 * waits (without a query) until the factory is called a second time, then polls until the teardown stops it.
 * With a period of 0 it is never started.
 *
 * <p>What could go wrong, and what this class does about it:
 * <ul>
 *   <li>The sampler competes with the racers for the cores, so it would slow down the very times the report
 *       compares. So it queries nothing while the trial has a single pool (a fixed-size pool only grows: the
 *       last reading, taken by the teardown, is that pool's peak), and polls only once a duplicate pool is under
 *       way, every {@code periodMillis}, not every millisecond.</li>
 *   <li>Its own connection would count: it queries through the {@link ServerView}'s one connection, opened once
 *       per trial, whose application name is not the trial's.</li>
 *   <li>A spike shorter than one poll is missed: its peak is a sampled maximum, a lower bound.</li>
 *   <li>A failed query must not pass for a low peak: {@link #peak} rethrows it.</li>
 *   <li>Interrupting a poll under way could break the shared connection: {@link #stopSampling} asks it to stop
 *       and waits instead.</li>
 * </ul>
 */
final class ConnectionSampler extends Thread {

    private final ServerView server;
    private final Supplier<RecordingStoreFactory> released;
    private final int periodMillis;
    private final CountDownLatch gate;
    private volatile boolean running = true;
    private volatile int peak;
    private volatile Exception failure;

    /**
     * Starts the sampler, unless the period is 0; it parks on the gate.
     *
     * @param server the view of the server it queries through
     * @param released the factory of the trial, read once the gate has opened; null if there was no shot
     * @param periodMillis how often it polls once a second pool is under way; 0: never started
     * @param gate the racers' gate
     */
    ConnectionSampler(ServerView server, Supplier<RecordingStoreFactory> released, int periodMillis,
                      CountDownLatch gate) {
        super("stampede-connection-sampler");
        setDaemon(true);
        this.server = server;
        this.released = released;
        this.periodMillis = periodMillis;
        this.gate = gate;
        if (periodMillis > 0) {
            start();
        }
    }

    @Override
    public void run() {
        try {
            gate.await();
            RecordingStoreFactory factory = released.get();
            if (factory == null) {
                return; // the teardown opened the gate: there was no shot
            }
            while (running && factory.calls() < 2) {
                Thread.sleep(1); // one pool: the last reading is its peak; no query beside the racers
            }
            String applicationName = factory.config().applicationName();
            while (running) {
                peak = Math.max(peak, server.connections(applicationName));
                Thread.sleep(periodMillis);
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling and waits for a poll under way (never interrupted: that could break the connection). */
    void stopSampling() throws InterruptedException {
        running = false;
        if (periodMillis > 0) {
            join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * @return the most connections a poll saw; 0 if it never polled
     * @throws SQLException if a poll failed
     */
    int peak() throws SQLException {
        if (failure != null) {
            throw new SQLException("The connection sampler failed", failure);
        }
        return peak;
    }
}
