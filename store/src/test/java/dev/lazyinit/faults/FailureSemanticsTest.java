package dev.lazyinit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.EmbeddedServer;
import dev.lazyinit.harness.faults.SlowProxy;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.harness.support.Race;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.store.StoreConfig;
import dev.lazyinit.store.StoreException;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each strategy does when the database is down, slow, restarted or misconfigured, against a real
 * PostgreSQL server of its own that the test stops and starts.
 *
 * <p>What could go wrong: a failure that takes unbounded time or hides its cause; a password in a message; a
 * half-opened pool, a pool thread or a server connection left behind by a failed creation; a holder that never
 * recovers (the holder idiom, by design) or that re-creates the store when the server comes back.
 *
 * <p>Each test asserts what the registry says the strategy guarantees, then records what it observed into a
 * table (strategy x fault) that {@code ./mvnw verify} writes to {@code store/target/failure-semantics/}. Bounds:
 * {@link #FAST} for the store's connection and pool start; a per-test timeout that catches hangs only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120) // per test: catches a hang, never judges speed
class FailureSemanticsTest {

    /**
     * The test server, as a JUnit resource. The faults that stop it, and those that report latencies (the slow
     * proxy), lock it for themselves and run one strategy at a time. The others only wait for a timeout or
     * fail at once: they share it (a read lock on each method, none on the class, or JUnit would run the whole
     * class on one thread) and run concurrently, each with pools and names of its own. Concurrency is asked for
     * on those methods, not on the class, so that this class never runs beside another test class.
     */
    static final String SERVER = "failure-semantics-server";

    /** The store's own bounds in these tests: one connection attempt and the pool's first connection. */
    static final Duration FAST = Duration.ofSeconds(1);
    /** How long the slow proxy holds each new connection. */
    static final Duration SLOW = Duration.ofMillis(1500);
    /** When the waiting thread is interrupted, or close() is called, after the slow creation began. */
    static final Duration INTERRUPT_AFTER = Duration.ofMillis(500);
    static final String CANARY = "canary-" + Long.toHexString(System.nanoTime()) + "-pw";

    static final FaultTable TABLE = new FaultTable();
    static final List<Throwable> SEEN = new CopyOnWriteArrayList<>();

    static EmbeddedServer server;
    static Database db;

    @BeforeAll
    static void startServer() {
        server = EmbeddedServer.start();
        db = server.database();
        TABLE.setting("server", db.describe());
        TABLE.setting("connectionTimeout", FAST.toMillis() + " ms");
        TABLE.setting("initializationFailTimeout", FAST.toMillis() + " ms");
        TABLE.setting("slow proxy delay per connection", SLOW.toMillis() + " ms");
    }

    @AfterAll
    static void writeTableAndCheckForTheCanary() throws IOException {
        try {
            Path out = Path.of("target", "failure-semantics");
            TABLE.write(out);
            System.out.println("\nFailure semantics (also in " + out.resolve("failure-semantics.md") + "):\n"
                    + TABLE.markdown());
            for (Throwable t : SEEN) {
                assertThat(stackTrace(t)).as("an exception's chain and stack traces").doesNotContain(CANARY);
            }
            assertThat(Codec.toJson(TABLE.toRecord()) + TABLE.markdown()).doesNotContain(CANARY);
            for (Path log : List.of(Path.of("target", "test-logs", "slf4j.log"), Path.of("target", "test-logs", "jul.log"))) {
                if (Files.exists(log)) {
                    assertThat(Files.readString(log)).as("log file %s", log).doesNotContain(CANARY);
                }
            }
        } finally {
            server.close();
        }
    }

    static Stream<Strategy> strategies() {
        return Stream.of(Strategy.values());
    }

    // ---------------------------------------------------------------------------------------------------------

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.SAME_THREAD) // one strategy at a time: each stops and starts the server
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ_WRITE)
    void serverDownAtFirstAccessThenBack(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(config("down"));
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        Attempt down;
        Attempt back;
        try {
            server.stop();
            down = Attempt.of(holder);
        } finally {
            server.restart();
        }
        try {
            back = Attempt.of(holder);
            assertFailedClearly(down, factory.config(), ":" + server.port());
            assertThat(holder.isInitialized()).isEqualTo(back.failure() == null);
            if (strategy.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
                assertThat(back.failure()).as("get() after the server came back").isNull();
                assertThat(back.value().ping()).isEqualTo(1);
            } else {
                assertThat(back.failure()).isInstanceOf(NoClassDefFoundError.class);
                assertThat(factory.calls()).as("the holder idiom never calls the factory again").isEqualTo(1);
            }
            TABLE.record(Fault.SERVER_DOWN, strategy, down.summary() + "; after restart: "
                    + (back.failure() == null ? "retries, succeeds" : "fails forever (" + back.name() + ")")
                    + leaks(factory, holder));
        } finally {
            holder.close();
            factory.closeAll();
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.CONCURRENT) // waits on a timeout: runs beside the other timeout faults
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ)
    void wrongPassword(Strategy strategy) {
        Available.assume(strategy);
        permanentFault(Fault.WRONG_PASSWORD, strategy, config("password").withPassword(CANARY), db.username());
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.CONCURRENT) // waits on a timeout: runs beside the other timeout faults
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ)
    void unknownDatabase(Strategy strategy) {
        Available.assume(strategy);
        StoreConfig c = config("nodb");
        permanentFault(Fault.UNKNOWN_DATABASE, strategy,
                c.withJdbcUrl(c.jdbcUrl().replaceFirst("/[^/]+$", "/lazyinit_no_such_db")), "lazyinit_no_such_db");
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.CONCURRENT) // waits on a timeout: runs beside the other timeout faults
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ)
    void malformedUrl(Strategy strategy) {
        Available.assume(strategy);
        permanentFault(Fault.MALFORMED_URL, strategy,
                config("badurl").withJdbcUrl("jdbc:postgresql://localhost:not-a-port/lazyinit"), "not-a-port");
    }

    /** A fault that does not go away: both calls fail; what differs is whether the second one tries again. */
    private void permanentFault(Fault fault, Strategy strategy, StoreConfig config, String named) {
        RecordingStoreFactory factory = new RecordingStoreFactory(config);
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        try {
            Attempt first = Attempt.of(holder);
            Attempt second = Attempt.of(holder);
            assertFailedClearly(first, config, named);
            assertThat(second.failure()).isNotNull();
            if (strategy.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
                assertFailedClearly(second, config, named);
                assertThat(factory.calls()).as("the second get() tried again").isEqualTo(2);
            } else {
                assertThat(second.failure()).isInstanceOf(NoClassDefFoundError.class);
                assertThat(factory.calls()).isEqualTo(1);
            }
            assertThat(factory.created()).isEmpty();
            TABLE.record(fault, strategy, first.summary() + "; next get(): "
                    + (factory.calls() == 2 ? "tries again, " + second.summary() : "fails fast forever ("
                    + second.name() + ")") + leaks(factory, holder));
        } finally {
            holder.close();
            factory.closeAll();
        }
    }

    @Order(5)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.CONCURRENT) // waits on a timeout: runs beside the other timeout faults
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ)
    void factoryThrowsOnceThenSucceeds(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(config("throws"));
        AtomicBoolean first = new AtomicBoolean(true);
        Supplier<PostgresStore> flaky = () -> {
            if (first.getAndSet(false)) {
                throw new IllegalStateException("simulated: the first creation fails");
            }
            return factory.get();
        };
        Lazy<PostgresStore> holder = strategy.newHolder(flaky);
        try {
            Attempt failed = Attempt.of(holder);
            Attempt again = Attempt.of(holder);
            assertThat(failed.failure()).isNotNull();
            if (strategy.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
                assertThat(failed.failure()).isInstanceOf(IllegalStateException.class);
                assertThat(again.failure()).isNull();
                assertThat(factory.calls()).isEqualTo(1);
            } else {
                assertThat(failed.failure()).isInstanceOf(ExceptionInInitializerError.class)
                        .hasCauseInstanceOf(IllegalStateException.class);
                assertThat(again.failure()).isInstanceOf(NoClassDefFoundError.class);
                assertThat(factory.calls()).isZero();
            }
            TABLE.record(Fault.FACTORY_THROWS_ONCE, strategy, "first get() throws " + failed.name()
                    + "; next get(): " + (again.failure() == null ? "retries, succeeds"
                    : "fails forever (" + again.name() + ")") + leaks(factory, holder));
        } finally {
            holder.close();
            factory.closeAll();
        }
    }

    @Order(6)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.SAME_THREAD) // one strategy at a time: each stops and starts the server
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ_WRITE)
    void serverRestartWhileWarm(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(config("restart"));
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        try {
            PostgresStore store = holder.get();
            store.add("before restart");
            Attempt whileDown;
            try {
                server.stop();
                assertThat(holder.get()).as("a warm holder does not notice the server").isSameAs(store);
                whileDown = Attempt.timed(() -> {
                    store.count();
                    return store;
                });
            } finally {
                server.restart();
            }
            assertThat(whileDown.failure()).as("a query while the server is down").isInstanceOf(StoreException.class);
            long start = System.nanoTime();
            Attempt recovered = Attempt.timed(() -> {
                StoreException last = null;
                while (System.nanoTime() - start < Race.HANG_BOUND.toNanos()) {
                    try {
                        store.count();
                        return store;
                    } catch (StoreException e) {
                        last = e; // the pool replaces its dead connections; try again
                    }
                }
                throw last;
            });
            assertThat(recovered.failure()).as("the store works again after the restart").isNull();
            assertThat(holder.get()).isSameAs(store);
            assertThat(factory.calls()).as("stores created: the pool reconnects, the store is not re-created")
                    .isEqualTo(1);
            TABLE.record(Fault.RESTART_WHILE_WARM, strategy, "same store; queries fail in "
                    + seconds(whileDown.nanos()) + " while down; works again " + seconds(recovered.nanos())
                    + " after restart; not re-created" + leaks(factory, holder));
        } finally {
            holder.close();
            factory.closeAll();
        }
    }

    @Order(7)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.SAME_THREAD) // alone: it reports latencies, which other tests' load would inflate
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ_WRITE)
    void slowFirstCreationWithWaitersAndAnInterrupt(Strategy strategy) throws Exception {
        Available.assume(strategy);
        try (SlowProxy proxy = new SlowProxy("localhost", server.port(), SLOW)) {
            RecordingStoreFactory factory = new RecordingStoreFactory(slowConfig("slow", proxy));
            Lazy<PostgresStore> holder = strategy.newHolder(factory);
            int threads = 4;
            CyclicBarrier barrier = new CyclicBarrier(threads + 1);
            List<Thread> workers = new ArrayList<>();
            List<Attempt> attempts = new CopyOnWriteArrayList<>();
            List<Boolean> interruptFlags = new CopyOnWriteArrayList<>();
            Attempt[] interrupted = new Attempt[1];
            for (int i = 0; i <= threads; i++) {
                boolean victim = i == threads;
                Thread t = new Thread(() -> {
                    await(barrier);
                    Attempt a = Attempt.of(holder);
                    if (victim) {
                        interrupted[0] = a;
                        interruptFlags.add(Thread.currentThread().isInterrupted());
                    } else {
                        attempts.add(a);
                    }
                }, victim ? "waiter-to-interrupt" : "waiter-" + i);
                workers.add(t);
                t.start();
            }
            Thread.sleep(INTERRUPT_AFTER.toMillis());
            workers.get(threads).interrupt();
            for (Thread t : workers) {
                t.join(Race.HANG_BOUND.toMillis());
                assertThat(t.isAlive()).as("%s still waiting after %s", t.getName(), Race.HANG_BOUND).isFalse();
            }
            assertThat(attempts).hasSize(threads).allSatisfy(a -> assertThat(a.failure()).isNull());
            Set<PostgresStore> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
            attempts.forEach(a -> handedOut.add(a.value()));
            if (!strategy.broken()) {
                assertThat(handedOut).as("the waiters all hold the same store").hasSize(1);
            }
            long fastest = attempts.stream().mapToLong(Attempt::endNanos).min().orElseThrow();
            long slowest = attempts.stream().mapToLong(Attempt::endNanos).max().orElseThrow();
            long longestWait = attempts.stream().mapToLong(Attempt::nanos).max().orElseThrow();
            Attempt victim = interrupted[0];
            assertThat(victim).as("the interrupted thread finished its call").isNotNull();
            String victimOutcome = victim.failure() == null
                    ? "returned the store after " + seconds(victim.nanos())
                    + (interruptFlags.get(0) ? ", interrupt flag kept" : ", interrupt flag cleared")
                    : "gave up with " + victim.name() + " after " + seconds(victim.nanos());
            if (strategy == Strategy.SYNCHRONIZED || strategy == Strategy.DOUBLE_CHECKED
                    || strategy == Strategy.HOLDER_IDIOM) {
                // Monitors and class initialization do not respond to interrupts: the waiter waits it out.
                assertThat(victim.failure()).as("an interrupted waiter on a monitor or class init").isNull();
                assertThat(victim.value()).isSameAs(handedOut.iterator().next());
                assertThat(factory.calls()).isEqualTo(1);
            }
            TABLE.record(Fault.SLOW_FIRST_CREATION, strategy, threads + " threads hold a store after "
                    + seconds(longestWait) + " (released within " + seconds(slowest - fastest) + "); "
                    + factory.calls() + " created; interrupted thread: " + victimOutcome + leaks(factory, holder));
            holder.close();
            factory.closeAll();
        }
    }

    @Order(8)
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @Execution(ExecutionMode.SAME_THREAD) // alone: it reports latencies, which other tests' load would inflate
    @ResourceLock(value = SERVER, mode = ResourceAccessMode.READ_WRITE)
    void closeDuringFirstCreation(Strategy strategy) throws Exception {
        Available.assume(strategy);
        try (SlowProxy proxy = new SlowProxy("localhost", server.port(), SLOW)) {
            RecordingStoreFactory factory = new RecordingStoreFactory(slowConfig("close", proxy));
            Lazy<PostgresStore> holder = strategy.newHolder(factory);
            Attempt[] creator = new Attempt[1];
            Thread t = new Thread(() -> creator[0] = Attempt.of(holder), "creator");
            t.start();
            Thread.sleep(INTERRUPT_AFTER.toMillis());
            Attempt close = Attempt.timed(() -> {
                holder.close();
                return null;
            });
            t.join(Race.HANG_BOUND.toMillis());
            assertThat(t.isAlive()).isFalse();
            assertThat(close.failure()).isNull();
            List<PostgresStore> leaked = factory.open(); // open stores behind a closed holder: nobody will close them
            String creatorOutcome = creator[0].failure() != null ? "creator gets " + creator[0].name()
                    : creator[0].value().isClosed() ? "creator gets the store, already closed"
                    : "creator gets an open store";
            if (strategy.guarantees(Guarantee.CLOSEABLE)) {
                assertThat(leaked).as("stores left open after close()").isEmpty();
            } else if (strategy == Strategy.HOLDER_IDIOM) {
                // Documented: the idiom has no close; close() before the class is initialized does nothing.
                assertThat(leaked).as("the holder idiom cannot close what it creates after close()").hasSize(1);
            }
            TABLE.record(Fault.CLOSE_DURING_CREATION, strategy, "close() returns after " + seconds(close.nanos())
                    + "; " + creatorOutcome + "; " + (leaked.isEmpty() ? "leaks nothing"
                    : "LEAKS " + leaked.size() + " open store(s)" + (strategy == Strategy.HOLDER_IDIOM
                    ? " (by design: cannot be closed)" : "")));
            factory.closeAll();
            Ownership.assertNothingLeft(db, factory);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One timed call and what it returned or threw. */
    record Attempt(PostgresStore value, Throwable failure, long nanos, long endNanos) {

        static Attempt of(Lazy<PostgresStore> holder) {
            return timed(holder::get);
        }

        /** Runs on the calling thread, so that interrupts and locks behave as they do in production. */
        static Attempt timed(Supplier<PostgresStore> call) {
            long start = System.nanoTime();
            try {
                PostgresStore v = call.get();
                long end = System.nanoTime();
                return new Attempt(v, null, end - start, end);
            } catch (RuntimeException | Error e) {
                long end = System.nanoTime();
                SEEN.add(e);
                return new Attempt(null, e, end - start, end);
            }
        }

        String name() {
            return failure == null ? "nothing" : failure.getClass().getSimpleName();
        }

        String summary() {
            return failure == null ? "succeeds in " + seconds(nanos) : "fails in " + seconds(nanos) + " (" + name() + ")";
        }
    }

    private static void assertFailedClearly(Attempt attempt, StoreConfig config, String named) {
        assertThat(attempt.failure()).as("the call failed").isNotNull();
        Throwable storeFailure = attempt.failure() instanceof ExceptionInInitializerError
                ? attempt.failure().getCause() : attempt.failure();
        assertThat(storeFailure).isInstanceOf(StoreException.class);
        assertThat(storeFailure.getMessage()).contains(named).contains(config.username());
        assertThat(stackTrace(attempt.failure())).doesNotContain(CANARY);
        if (config.password() != null) {
            assertThat(stackTrace(attempt.failure())).doesNotContain(config.password());
        }
    }

    /** Checks that nothing of this holder's stores outlives close(), and says so for the table. */
    private static String leaks(RecordingStoreFactory factory, Lazy<PostgresStore> holder) {
        holder.close();
        List<PostgresStore> open = factory.open();
        factory.closeAll();
        Ownership.assertNothingLeft(db, factory);
        return open.isEmpty() ? "; leaks nothing" : "; " + open.size() + " store(s) open after close()";
    }

    private static StoreConfig config(String purpose) {
        return db.storeConfig(Names.unique("fault-" + purpose)).withTimeouts(FAST, FAST);
    }

    private static StoreConfig slowConfig(String purpose, SlowProxy proxy) {
        Duration generous = SLOW.multipliedBy(4);
        return db.storeConfig(Names.unique("fault-" + purpose))
                .withJdbcUrl("jdbc:postgresql://localhost:" + proxy.port() + "/lazyinit")
                .withTimeouts(generous, generous);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
