package dev.lazyinit.jmh;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.lazy.HolderIdiom;
import dev.lazyinit.lazy.HolderIdiomLazy;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.store.StoreConfig;
import dev.lazyinit.strategy.Strategy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks share: the database of this JVM, factories with unique pool names, the strategies this JVM
 * can build, a look at the server's connections through one connection opened once, and the steady-state holder.
 *
 * <p>In a JMH fork the database is the one the parent process started: the report runner hands it over with
 * {@code -Dlazyinit.db.url/user/passwordFile}, so forks neither start their own server nor see the password on
 * a command line. Run without the runner, each fork resolves the database itself (embedded by default).
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** @return the database of this JVM */
    public static Database db() {
        return Databases.get();
    }

    /**
     * @param prefix what the pool is for
     * @return a recording factory for a fresh pool name ({@link Names#unique}, short enough for the 63 bytes that
     *         {@code pg_stat_activity} keeps of an {@code application_name})
     */
    public static RecordingStoreFactory factory(String prefix) {
        StoreConfig config = db().storeConfig(Names.unique(prefix));
        return new RecordingStoreFactory(config);
    }

    /**
     * The registry's strategies this JVM can build a holder of (the runner asks each fork JVM the same question
     * before it passes {@code -p strategy=}; a benchmark that measures every strategy in one fork asks it here).
     *
     * @return the strategies, in registry order
     */
    public static List<Strategy> buildable() {
        return Arrays.stream(Strategy.values()).filter(BenchSupport::canBuild).toList();
    }

    private static boolean canBuild(Strategy s) {
        if (!s.available()) {
            return false;
        }
        try {
            s.newHolder(() -> {
                throw new IllegalStateException("probe only");
            }).close(); // a cold holder: the factory is never called
            return true;
        } catch (RuntimeException | LinkageError e) { // a preview API without --enable-preview, for one
            return false;
        }
    }

    /**
     * Opens one JDBC connection the way a store's pool opens each of its own: same URL, user, password, application
     * name and timeouts, straight from the driver. The cold benchmark's physical limit.
     *
     * @param config a store's configuration
     * @return a new connection; the caller closes it
     * @throws SQLException if the server cannot be reached
     */
    static Connection openConnection(StoreConfig config) throws SQLException {
        Properties props = config.driverProperties();
        props.setProperty("user", config.username());
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        return DriverManager.getConnection(config.jdbcUrl(), props);
    }

    /**
     * The server's own count of a pool's connections, read through one connection opened once: looking must not
     * open a connection of its own (which would be one more backend starting and exiting beside the next shot).
     * {@code pg_stat_activity} is read outside any transaction, so every count is fresh.
     */
    public static final class ServerView implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement count;

        private ServerView(Connection connection) throws SQLException {
            this.connection = connection;
            this.count = connection.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
        }

        /**
         * @return a view through a new connection of this JVM's database
         * @throws SQLException if the server cannot be reached
         */
        public static ServerView open() throws SQLException {
            Connection c = db().openConnection();
            try {
                return new ServerView(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }

        /**
         * @param applicationName a store's application name
         * @return the server connections carrying it now
         * @throws SQLException if the query fails
         */
        public synchronized int connections(String applicationName) throws SQLException {
            count.setString(1, applicationName);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }

        /**
         * Waits until the server shows no connection for an application name: a closed pool's connections leave
         * the server a moment after the client closed them.
         *
         * @param applicationName a store's application name
         * @param bound the longest wait
         * @throws SQLException if the query fails
         * @throws IllegalStateException if connections are still there after the bound
         */
        public void awaitGone(String applicationName, Duration bound) throws SQLException {
            long deadline = System.nanoTime() + bound.toNanos();
            int seen;
            while ((seen = connections(applicationName)) != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(seen + " server connections of " + applicationName
                            + " still open " + bound.toSeconds() + " s after their pool was closed");
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + applicationName, e);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * The holder a steady-state benchmark calls: the registry's holder for every strategy except the holder
     * idiom, for which it is the real static {@link HolderIdiom}.
     *
     * <p>Why: {@link HolderIdiomLazy} loads a fresh copy of the idiom's class per instance and calls it
     * through a {@code MethodHandle} held in an instance field. That is exactly right for a cold trial (a real
     * first class initialization) but, warm, it would measure a non-constant {@code MethodHandle.invoke}, which
     * production code never does. Production code calls {@code Holder.get()} statically, which the JIT folds to
     * a constant; {@link StaticHolderIdiom} does exactly that behind the same {@link Lazy} interface the other
     * strategies are called through. Each JMH fork is a new JVM, so the static class is configured once per
     * fork with that fork's factory.
     *
     * @param strategy the strategy from the registry
     * @param factory creates the store
     * @return a holder, still cold
     */
    public static Lazy<PostgresStore> steadyStateHolder(Strategy strategy, RecordingStoreFactory factory) {
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        if (holder instanceof HolderIdiomLazy) {
            holder.close(); // never initialized: closes nothing, the fresh class copy is dropped
            return StaticHolderIdiom.configuredWith(factory);
        }
        return holder;
    }

    /**
     * Closes what a steady-state holder created, except the static holder idiom's store, which lives as long
     * as the JVM (a later trial in the same JVM, as with {@code -f 0}, keeps using it).
     *
     * @param holder the holder from {@link #steadyStateHolder}
     * @param factory its factory
     */
    public static void release(Lazy<PostgresStore> holder, RecordingStoreFactory factory) {
        if (holder instanceof StaticHolderIdiom) {
            return;
        }
        holder.close();
        factory.closeAll();
    }

    /**
     * The real, static holder idiom behind the {@link Lazy} interface. One per JVM, as the idiom is: it is
     * configured by the first caller and never closed before the JVM exits (a class cannot be reset).
     */
    static final class StaticHolderIdiom implements Lazy<PostgresStore> {

        private static final StaticHolderIdiom INSTANCE = new StaticHolderIdiom();

        static synchronized StaticHolderIdiom configuredWith(RecordingStoreFactory factory) {
            if (!HolderIdiom.isInitialized()) {
                HolderIdiom.configure(factory);
            }
            return INSTANCE;
        }

        @Override
        public PostgresStore get() {
            return (PostgresStore) HolderIdiom.get(); // a static final read: what production code runs
        }

        @Override
        public boolean isInitialized() {
            return HolderIdiom.isInitialized();
        }

        @Override
        public void close() {
            // The idiom cannot close and reset; the store lives as long as this JVM (as in production).
        }
    }
}
