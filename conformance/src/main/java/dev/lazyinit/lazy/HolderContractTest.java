package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lazyinit.harness.support.Available;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link Lazy} contract, one rule at a time, for every strategy a user may choose, with a cheap value and no
 * database: what a cold, a warm, a failed and a closed holder do, from the calling thread and from others.
 *
 * <p>What could go wrong, beyond what the race tests look for: a holder that counts a closed or never-created value
 * as initialized; a {@code close()} before the first {@code get()} that stops a later {@code close()} from closing
 * what was created in between; a lock that a failed creation or a {@code close()} never releases, so the next
 * thread waits forever; a fast path that waits for the lock, or refuses an interrupted thread, once the value
 * exists; an interrupted waiter that cannot give up, or gives up with its interrupt flag lost; a checked exception
 * from the factory that comes out as something unrelated. Every wait is bounded by {@link #BOUND}, so a lock left
 * held fails the test instead of hanging it.
 *
 * <p>The guarantees are checked the same way every run: a thread that arrives while another is inside the factory
 * (same instance, exactly-once, closes duplicates: the stampede in slow motion), a failure then a retry, a close,
 * an interrupted waiter. Each of these checks also runs against every broken control that violates its guarantee,
 * and must fail there: a check that cannot fail proves nothing.
 */
class HolderContractTest {

    /** How long one call may take before the test calls it a hang; the calls themselves take microseconds. */
    static final Duration BOUND = Duration.ofSeconds(5);

    static final class Value implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Counts its calls, keeps what it made, and fails its first {@code failures} calls with {@code failure}. */
    static class Factory implements Supplier<Value> {
        final AtomicInteger calls = new AtomicInteger();
        final List<Value> created = new CopyOnWriteArrayList<>();
        private final int failures;
        private final RuntimeException failure;

        Factory() {
            this(0, null);
        }

        Factory(int failures, RuntimeException failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public Value get() {
            if (calls.incrementAndGet() <= failures) {
                throw failure;
            }
            Value v = new Value();
            created.add(v);
            return v;
        }
    }

    /** What one call on another thread returned or threw, and that thread's interrupt flag afterwards. */
    record Outcome<T>(T value, Throwable failure, boolean interruptFlag) {
    }

    static Stream<Strategy> correct() {
        return Strategy.correct().stream();
    }

    /** One check per guarantee this class can judge the same way every run, without a server. */
    interface Check {
        void run(Strategy strategy) throws Exception;
    }

    /** In the guarantees' order, so that each parameterized case has the same number in every JVM. */
    static final Map<Guarantee, Check> CHECKS = new EnumMap<>(Map.of(
            Guarantee.SAME_INSTANCE, HolderContractTest::sameInstance,
            Guarantee.EXACTLY_ONCE, HolderContractTest::exactlyOnce,
            Guarantee.CLOSES_DUPLICATES, HolderContractTest::closesDuplicates,
            Guarantee.RETRIES_AFTER_FAILURE, HolderContractTest::retriesAfterFailure,
            Guarantee.CLOSEABLE, HolderContractTest::closeable,
            Guarantee.WAITERS_CAN_GIVE_UP, HolderContractTest::waitersCanGiveUp));

    static Stream<Arguments> guaranteesOfCorrectStrategies() {
        return correct().flatMap(s -> CHECKS.keySet().stream().filter(s::guarantees).map(g -> Arguments.of(s, g)));
    }

    static Stream<Arguments> guaranteesBrokenByControls() {
        return Strategy.brokenControls().stream()
                .flatMap(s -> s.violates().stream().filter(CHECKS::containsKey).map(g -> Arguments.of(s, g)));
    }

    // --- the rules every strategy keeps --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aColdHolderIsNotInitializedAndItsCloseCreatesNothing(Strategy strategy) {
        Available.assume(strategy);
        Factory factory = new Factory();
        Lazy<Value> holder = strategy.newHolder(factory);
        assertThat(holder.isInitialized()).isFalse();
        holder.close();
        holder.close();
        assertThat(holder.isInitialized()).as("closed before any get(): nothing was ever created").isFalse();
        assertThat(factory.calls).hasValue(0);
    }

    /** The other half of the cold check: a query that always says "not yet" would pass it (PIT found one). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aHolderIsInitializedOnceItsFirstGetReturned(Strategy strategy) {
        Available.assume(strategy);
        Factory factory = new Factory();
        try (Lazy<Value> holder = strategy.newHolder(factory)) {
            Value v = holder.get();
            assertThat(holder.isInitialized()).as("the factory returned a value that the holder keeps").isTrue();
            assertThat(holder.get()).isSameAs(v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void noValueIsLeftOpenAfterTheLastClose(Strategy strategy) throws Exception {
        Available.assume(strategy);
        Factory factory = new Factory();
        Lazy<Value> holder = strategy.newHolder(factory);
        holder.close(); // before any get(): must not use up the close that a value created later needs
        Outcome<Value> late = onAnotherThread("late get", holder::get);
        closeWithin(holder);
        if (strategy.guarantees(Guarantee.CLOSEABLE)) {
            assertThat(late.failure()).isInstanceOf(IllegalStateException.class);
            assertThat(factory.created).isEmpty();
        }
        assertThat(factory.created).as("every value the holder created is closed, once")
                .allSatisfy(v -> assertThat(v.closes).hasValue(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aWarmGetServesAnInterruptedThread(Strategy strategy) throws Exception {
        Available.assume(strategy);
        Factory factory = new Factory();
        try (Lazy<Value> holder = strategy.newHolder(factory)) {
            Value v = holder.get();
            Outcome<Value> interrupted = onAnotherThread("interrupted reader", () -> {
                Thread.currentThread().interrupt(); // a request whose caller already gave up
                return holder.get();
            });
            assertThat(interrupted.failure()).as("the value exists: nothing to wait for, nothing to give up").isNull();
            assertThat(interrupted.value()).isSameAs(v);
            assertThat(interrupted.interruptFlag()).as("the interrupt flag is left for the caller").isTrue();
            assertThat(factory.calls).hasValue(1);
        }
    }

    /**
     * The double-checked strategies exist for one property: once the value exists, {@code get()} is a read, not a
     * lock. So a warm {@code get()} must return while another thread holds the holder's lock (which only
     * {@code close()} and a creation take). The lock is private; the test takes it by reflection.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DOUBLE_CHECKED", "DCL_REENTRANT_LOCK", "DCL_VAR_HANDLE", "FINAL_WRAPPER"}) // Strategy.valueOf
    void aWarmGetDoesNotWaitForTheLock(Strategy strategy) throws Exception {
        Available.assume(strategy);
        try (Lazy<Value> holder = strategy.newHolder(new Factory())) {
            Value v = holder.get();
            Field field = holder.getClass().getDeclaredField("lock");
            field.setAccessible(true);
            Object lock = field.get(holder);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread owner = new Thread(() -> hold(lock, held, release), "lock owner");
            owner.setDaemon(true);
            owner.start();
            try {
                assertThat(held.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                Outcome<Value> read = onAnotherThread("warm reader", holder::get);
                assertThat(read.value()).isSameAs(v);
            } finally {
                release.countDown();
                if (held.getCount() == 0) { // else the owner never got the lock: nothing to wait for
                    owner.join(BOUND.toMillis());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aCheckedExceptionFromTheFactoryReachesTheCaller(Strategy strategy) {
        Available.assume(strategy);
        IOException checked = new IOException("simulated: disk full");
        Lazy<Value> holder = strategy.newHolder(() -> {
            throw HolderContractTest.<RuntimeException>sneaky(checked); // what a Kotlin or Lombok factory can do
        });
        Throwable thrown = catchThrowable(holder::get);
        assertThat(thrown).as("the factory's checked exception, or an unchecked one caused by it")
                .satisfiesAnyOf(t -> assertThat(t).isSameAs(checked), t -> assertThat(t.getCause()).isSameAs(checked));
        assertThat(holder.isInitialized()).isFalse();
    }

    // --- the guarantees, each checked on every strategy that claims it and shown to fail on its controls ---------

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("guaranteesOfCorrectStrategies")
    void keepsItsGuarantee(Strategy strategy, Guarantee guarantee) throws Exception {
        Available.assume(strategy);
        CHECKS.get(guarantee).run(strategy);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("guaranteesBrokenByControls")
    void theCheckCatchesTheControlThatBreaksIt(Strategy control, Guarantee guarantee) {
        Available.assume(control);
        assertThatThrownBy(() -> CHECKS.get(guarantee).run(control))
                .as("the %s check on %s, which exists to break it", guarantee, control)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void everyCheckHasAControlToFailOn() {
        Set<Guarantee> broken = EnumSet.noneOf(Guarantee.class);
        Strategy.brokenControls().forEach(c -> broken.addAll(c.violates()));
        assertThat(broken).containsAll(CHECKS.keySet());
    }

    /**
     * The stampede in slow motion, the same every run: one thread is inside the factory when a second calls
     * {@code get()}; once the second stands in line (or has finished), the first is let go. What the race tests
     * against the server see by chance, this sees every time, without a server.
     */
    record Arrival(Outcome<Value> creator, Outcome<Value> arrival, Factory factory) {
    }

    static Arrival arrivalDuringCreation(Strategy strategy) throws Exception {
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Factory factory = new Factory() {
            @Override
            public Value get() {
                Value v = super.get();
                if (calls.get() == 1) { // only the first creation is slow
                    creating.countDown();
                    await(release);
                }
                return v;
            }
        };
        Lazy<Value> holder = strategy.newHolder(factory);
        FutureTask<Outcome<Value>> creator = start("creator", holder::get);
        Outcome<Value> arrived;
        try {
            assertThat(creating.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("creation started").isTrue();
            FutureTask<Outcome<Value>> arrival = new FutureTask<>(() -> call(holder::get));
            Thread arrivalThread = new Thread(arrival, "arrival");
            arrivalThread.setDaemon(true);
            arrivalThread.start();
            awaitWaiting(arrivalThread);
            release.countDown();
            arrived = within(arrival, arrivalThread, "the thread that arrived during the creation");
        } finally {
            release.countDown();
        }
        Outcome<Value> created = creator.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(created.failure()).isNull();
        assertThat(arrived.failure()).isNull();
        Arrival result = new Arrival(created, arrived, factory);
        if (created.value() == arrived.value()) {
            assertThat(holder.get()).isSameAs(created.value());
        }
        closeWithin(holder);
        return result;
    }

    /** Both threads walk away with the one value. */
    static void sameInstance(Strategy strategy) throws Exception {
        Arrival a = arrivalDuringCreation(strategy);
        assertThat(a.arrival().value()).as("what the second thread got").isSameAs(a.creator().value());
    }

    /** The second thread waits for the first one's value instead of creating its own. */
    static void exactlyOnce(Strategy strategy) throws Exception {
        Arrival a = arrivalDuringCreation(strategy);
        assertThat(a.factory().calls).as("factory calls").hasValue(1);
        assertThat(a.arrival().value()).isSameAs(a.creator().value());
    }

    /** The second thread may create its own value, but one value wins and every other is closed. */
    static void closesDuplicates(Strategy strategy) throws Exception {
        Arrival a = arrivalDuringCreation(strategy);
        Value kept = a.creator().value();
        assertThat(a.arrival().value()).as("what the second thread got").isSameAs(kept);
        assertThat(a.factory().created).as("every value created, the kept one closed by the holder's close()")
                .allSatisfy(v -> assertThat(v.closes).as(v == kept ? "the kept value" : "a duplicate").hasValue(1));
    }

    /** After the factory threw, a later {@code get()}, from another thread, calls it again and succeeds. */
    static void retriesAfterFailure(Strategy strategy) throws Exception {
        RuntimeException down = new IllegalStateException("simulated: database down");
        Factory factory = new Factory(1, down);
        Lazy<Value> holder = strategy.newHolder(factory);
        Outcome<Value> first = onAnotherThread("first get", holder::get);
        assertThat(first.failure()).as("the factory's own exception").isSameAs(down);
        assertThat(holder.isInitialized()).isFalse();
        Outcome<Value> second = onAnotherThread("second get", holder::get); // the first must have let go of any lock
        assertThat(second.failure()).as("get() after a failed creation").isNull();
        assertThat(factory.calls).as("the factory was called again").hasValue(2);
        assertThat(second.value()).isSameAs(factory.created.get(0));
        assertThat(holder.isInitialized()).isTrue();
        assertThat(holder.get()).isSameAs(second.value());
        closeWithin(holder);
        assertThat(second.value().closes).hasValue(1);
    }

    /**
     * {@code close()} closes the value once, and after it no value is created: a {@code get()} from another thread
     * (which must not wait for a lock that {@code close()} kept) throws or returns the value already closed.
     */
    static void closeable(Strategy strategy) throws Exception {
        Factory cold = new Factory();
        Lazy<Value> closedCold = strategy.newHolder(cold);
        closedCold.close();
        Outcome<Value> late = onAnotherThread("get after close, cold", closedCold::get);
        assertThat(late.failure()).as("get() on a holder closed before it created anything")
                .isInstanceOf(IllegalStateException.class);
        assertThat(cold.calls).as("values created after close()").hasValue(0);
        assertThat(closedCold.isInitialized()).isFalse();

        Factory warm = new Factory();
        Lazy<Value> closedWarm = strategy.newHolder(warm);
        Value v = closedWarm.get();
        closedWarm.close();
        assertThat(v.closes).hasValue(1);
        Outcome<Value> after = onAnotherThread("get after close, warm", closedWarm::get);
        if (after.failure() != null) {
            assertThat(after.failure()).isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(after.value()).as("a fast path may return the value it had, already closed").isSameAs(v);
        }
        assertThat(warm.calls).as("values created after close()").hasValue(1);
        closeWithin(closedWarm);
        assertThat(v.closes).as("close() is idempotent").hasValue(1);
    }

    /**
     * A thread waiting for another thread's creation, interrupted, stops waiting at once: it gets an
     * {@link IllegalStateException} caused by {@link InterruptedException}, with its interrupt flag set again, and
     * creates nothing; the creation it waited for still completes.
     */
    static void waitersCanGiveUp(Strategy strategy) throws Exception {
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Lazy<Value> holder = strategy.newHolder(() -> {
            calls.incrementAndGet();
            creating.countDown();
            await(release); // a slow pool start
            return new Value();
        });
        FutureTask<Outcome<Value>> creator = start("creator", holder::get);
        Thread waiterThread;
        FutureTask<Outcome<Value>> waiter;
        try {
            assertThat(creating.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("creation started").isTrue();
            waiter = new FutureTask<>(() -> call(holder::get));
            waiterThread = new Thread(waiter, "waiter");
            waiterThread.setDaemon(true);
            waiterThread.start();
            awaitWaiting(waiterThread);
            waiterThread.interrupt();
            Outcome<Value> gaveUp = within(waiter, waiterThread, "the interrupted waiter");
            assertThat(gaveUp.failure()).as("what the interrupted waiter gets")
                    .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(gaveUp.interruptFlag()).as("the waiter's interrupt flag, set again").isTrue();
        } finally {
            release.countDown();
        }
        Outcome<Value> created = creator.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(created.failure()).isNull();
        assertThat(holder.get()).isSameAs(created.value());
        assertThat(calls).as("the waiter created nothing").hasValue(1);
        closeWithin(holder);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Runs {@code call} on a new thread and waits for it at most {@link #BOUND}. */
    static <T> Outcome<T> onAnotherThread(String name, Callable<T> call) throws InterruptedException {
        FutureTask<Outcome<T>> task = new FutureTask<>(() -> call(call));
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return within(task, t, name);
    }

    /** Closes {@code holder} on another thread, which must not wait for a lock that an earlier call kept. */
    static void closeWithin(Lazy<?> holder) throws InterruptedException {
        Outcome<Object> closed = onAnotherThread("close", () -> {
            holder.close();
            return null;
        });
        assertThat(closed.failure()).as("close()").isNull();
    }

    private static <T> FutureTask<Outcome<T>> start(String name, Callable<T> call) {
        FutureTask<Outcome<T>> task = new FutureTask<>(() -> call(call));
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static <T> Outcome<T> call(Callable<T> call) {
        try {
            T v = call.call();
            return new Outcome<>(v, null, Thread.currentThread().isInterrupted());
        } catch (Exception | Error e) {
            return new Outcome<>(null, e, Thread.currentThread().isInterrupted());
        }
    }

    private static <T> Outcome<T> within(FutureTask<Outcome<T>> task, Thread thread, String name)
            throws InterruptedException {
        try {
            return task.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError(name + " was still waiting after " + BOUND + " (" + thread.getState() + ")");
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /**
     * Waits until {@code t} stands in line for a lock (parked or blocked), or has already finished. A thread that
     * waits for another thread's class initialization (the holder idiom) is RUNNABLE to Java: it counts as
     * waiting once it stays on the same line of a holder's own code.
     */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        StackTraceElement before = null;
        while (System.nanoTime() < deadline) {
            Thread.State state = t.getState();
            if (state == Thread.State.WAITING || state == Thread.State.BLOCKED || state == Thread.State.TERMINATED) {
                return;
            }
            StackTraceElement[] stack = t.getStackTrace();
            StackTraceElement top = stack.length == 0 ? null : stack[0];
            if (top != null && top.equals(before) && top.getClassName().startsWith(Lazy.class.getPackageName() + ".")) {
                return;
            }
            before = top;
            Thread.sleep(20);
        }
        throw new AssertionError(t.getName() + " never started waiting: " + t.getState());
    }

    private static void hold(Object lock, CountDownLatch held, CountDownLatch release) {
        if (lock instanceof Lock l) {
            l.lock();
            try {
                held.countDown();
                await(release);
            } finally {
                l.unlock();
            }
        } else {
            synchronized (lock) {
                held.countDown();
                await(release);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(4 * BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
