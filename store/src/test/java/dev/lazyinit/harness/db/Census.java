package dev.lazyinit.harness.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts what a store leaves behind: HikariCP threads in this JVM and server connections in
 * {@code pg_stat_activity}. Tests use it to prove that nothing leaked; benchmarks use it to report how many
 * connections a stampede cost.
 */
public final class Census {

    private Census() {
    }

    /**
     * Counts live threads that HikariCP started for a pool: their names start with the pool name
     * ({@code "<pool>:housekeeper"}, {@code "<pool>:connection-adder"}, {@code "<pool>:connection-closer"}).
     *
     * @param poolName the pool name
     * @return the number of live threads named after it
     */
    public static int poolThreads(String poolName) {
        String prefix = poolName + ":"; // HikariCP 7 names its threads "<pool>:<role>"
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }

    /**
     * Waits until {@code pg_stat_activity} shows {@code expected} connections for an application name, or the
     * bound passes, and returns the last count. A closed pool's connections leave the server a moment after the
     * client closes them, and a new pool fills in the background, so a single look can be early; this is a
     * bounded poll for a settled state, not a timing assertion.
     *
     * @param db the database
     * @param applicationName the store's application name
     * @param expected the count to wait for
     * @param bound the longest wait
     * @return the count seen last (equal to {@code expected} unless the bound passed)
     */
    public static int awaitServerConnections(Database db, String applicationName, int expected, Duration bound) {
        return awaitCount(() -> db.serverConnections(applicationName), expected, bound);
    }

    /**
     * Waits until a pool's threads reach {@code expected}, or the bound passes.
     *
     * @param poolName the pool name
     * @param expected the count to wait for
     * @param bound the longest wait
     * @return the count seen last
     */
    public static int awaitPoolThreads(String poolName, int expected, Duration bound) {
        return awaitCount(() -> poolThreads(poolName), expected, bound);
    }

    private static int awaitCount(java.util.function.IntSupplier count, int expected, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        int seen = count.getAsInt();
        while (seen != expected && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = count.getAsInt();
        }
        return seen;
    }
}
