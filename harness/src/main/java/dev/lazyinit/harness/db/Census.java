package dev.lazyinit.harness.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Counts what a store leaves behind: HikariCP threads in this JVM and server connections in
 * {@code pg_stat_activity}. Tests use it to prove that nothing leaked; benchmarks use it to report how many
 * connections a stampede cost.
 */
public final class Census {

    /** How often a settling count looks again. */
    public static final Duration POLL = Duration.ofMillis(100);
    /**
     * How many looks in a row must agree before a count is called settled: {@value} looks {@link #POLL} apart,
     * half a second of one value. A pool fills its connections one after the other in the background, so a
     * count that is still moving must not be taken for the answer.
     */
    public static final int SETTLED_POLLS = 6;

    private Census() {
    }

    /**
     * A count that stopped moving, or the last one seen when the bound passed first.
     *
     * @param count the value the count settled at (or the last seen)
     * @param settled whether it held for {@link #SETTLED_POLLS} looks in a row
     * @param looks how many times it was read
     * @param readings the values it passed through, in order, each once ({@code [1, 2, 4]})
     */
    public record Settled(int count, boolean settled, int looks, List<Integer> readings) {

        public Settled {
            readings = List.copyOf(readings);
        }

        @Override
        public String toString() {
            return count + (settled ? " (settled" : " (still moving") + " after " + looks + " looks; readings "
                    + readings + ")";
        }
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
     * <p>It stops at the first look that shows {@code expected}, so it is sound only where no wrong state can show
     * that number on the way: waiting for zero after a close is (a store that is still open holds at least the
     * connection its constructor opened), counting one live pool is not (two pools that have opened one
     * connection each show the count of one full pool); count those with {@link #settledServerConnections}.
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
     * Counts the server connections that carry an application name until the count stops moving: the same value
     * on {@link #SETTLED_POLLS} looks in a row, within a bound. Unlike {@link #awaitServerConnections}, which stops
     * at the first look that shows the number it hopes for, this does not know what to expect, so a duplicate pool
     * that has not opened its second connection yet cannot pass for the one live pool: the count goes on to
     * include it.
     *
     * @param db the database
     * @param applicationName the store's application name
     * @param bound the longest wait
     * @return the settled count, or the last one if it never settled within the bound
     */
    public static Settled settledServerConnections(Database db, String applicationName, Duration bound) {
        return settle(() -> db.serverConnections(applicationName), bound, POLL, SETTLED_POLLS);
    }

    /**
     * Reads a count until it holds the same value on {@code looksInARow} looks in a row, {@code poll} apart, or
     * the bound passes.
     *
     * @param count what to read
     * @param bound the longest wait
     * @param poll the time between looks
     * @param looksInARow how many equal looks in a row make it settled (at least 2)
     * @return what it settled at
     */
    public static Settled settle(IntSupplier count, Duration bound, Duration poll, int looksInARow) {
        if (looksInARow < 2) {
            throw new IllegalArgumentException("one look cannot tell a settled count from a moving one");
        }
        long deadline = System.nanoTime() + bound.toNanos();
        List<Integer> readings = new ArrayList<>();
        int seen = count.getAsInt();
        readings.add(seen);
        int looks = 1;
        int inARow = 1;
        while (inARow < looksInARow && System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.sleep(poll.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            int next = count.getAsInt();
            looks++;
            if (next == seen) {
                inARow++;
            } else {
                seen = next;
                inARow = 1;
                readings.add(next);
            }
        }
        return new Settled(seen, inARow >= looksInARow, looks, readings);
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

    private static int awaitCount(IntSupplier count, int expected, Duration bound) {
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
