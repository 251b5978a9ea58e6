package dev.lazyinit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lazyinit.harness.support.Available;
import dev.lazyinit.lazy.Lazy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry, and the single-threaded contract every strategy shares, checked with a cheap value. */
class StrategyTest {

    static final class Value implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /**
     * The registry, pinned: each strategy's guarantees and, for a control, the guarantees it exists to violate,
     * written out by hand. Every test and proof reads the registry, so a guarantee dropped from a line there would
     * quietly drop its checks with it; here it fails. Change a line only together with the registry line it copies,
     * and with the README's table.
     */
    static final String PINNED = """
            SYNCHRONIZED                   | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE |
            DOUBLE_CHECKED                 | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE |
            HOLDER_IDIOM                   | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE |
            ATOMIC_REFERENCE               | SAFE_PUBLICATION SAME_INSTANCE CLOSES_DUPLICATES RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE |
            DCL_REENTRANT_LOCK             | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE WAITERS_CAN_GIVE_UP |
            DCL_VAR_HANDLE                 | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE |
            FINAL_WRAPPER                  | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE |
            GUAVA_MEMOIZE                  | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE PER_INSTANCE |
            COMMONS_LAZY_INITIALIZER       | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE PER_INSTANCE |
            STABLE_VALUE                   | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE PER_INSTANCE |
            LAZY_CONSTANT                  | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE PER_INSTANCE |
            COMMONS_ATOMIC_INITIALIZER     | SAFE_PUBLICATION SAME_INSTANCE RETRIES_AFTER_FAILURE PER_INSTANCE | CLOSES_DUPLICATES
            BROKEN_UNSYNCHRONIZED          | RETRIES_AFTER_FAILURE PER_INSTANCE | EXACTLY_ONCE SAME_INSTANCE
            BROKEN_DCL_NON_VOLATILE        | SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE | SAFE_PUBLICATION
            BROKEN_NO_RETRY                | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE CLOSEABLE PER_INSTANCE | RETRIES_AFTER_FAILURE
            BROKEN_CLOSE_FORGETS           | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE PER_INSTANCE | CLOSEABLE
            BROKEN_UNINTERRUPTIBLE_WAIT    | SAFE_PUBLICATION SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE | WAITERS_CAN_GIVE_UP
            BROKEN_DCL_VAR_HANDLE_PLAIN    | SAME_INSTANCE EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE | SAFE_PUBLICATION
            BROKEN_FINAL_WRAPPER_NON_FINAL | EXACTLY_ONCE RETRIES_AFTER_FAILURE CLOSEABLE PER_INSTANCE | SAFE_PUBLICATION
            """;

    /**
     * Which strategies this run of the suite tests follows from its class path ({@link Available#inScope}): every
     * one where no provider is on it (the conformance module's run), exactly the providers' where one is (a
     * provider's module). A rule that tested none would let every test of the suite pass by skipping; this fails it.
     */
    @Test
    void thisRunTestsTheBuiltInStrategiesOrExactlyTheProviders() {
        List<Strategy> inScope = Arrays.stream(Strategy.values()).filter(Available::inScope).toList();
        List<Strategy> expected = Arrays.stream(Strategy.values())
                .filter(s -> !Available.providersPresent() || s.provided()).toList();
        assertThat(inScope).as("in scope, providers on the class path: %s", Available.providersPresent())
                .isNotEmpty().containsExactlyElementsOf(expected);
        if (!Available.providersPresent()) {
            assertThat(inScope).as("the built-in catalogue").contains(Strategy.DOUBLE_CHECKED,
                    Strategy.BROKEN_DCL_NON_VOLATILE);
        }
    }

    @Test
    void everyRegistryLineIsPinned() {
        Map<String, Set<Guarantee>> guarantees = new LinkedHashMap<>();
        Map<String, Set<Guarantee>> violates = new LinkedHashMap<>();
        PINNED.lines().forEach(line -> {
            String[] cells = line.split("\\|", -1);
            guarantees.put(cells[0].strip(), guaranteesIn(cells[1]));
            violates.put(cells[0].strip(), guaranteesIn(cells[2]));
        });
        assertThat(guarantees.keySet()).as("strategies in the pinned table, in registry order")
                .containsExactlyElementsOf(Strategy.builtIns().stream().map(Strategy::name).toList());
        for (Strategy s : Strategy.builtIns()) {
            assertThat(s.guarantees()).as("%s's guarantees", s).isEqualTo(guarantees.get(s.name()));
            assertThat(s.violates()).as("what %s exists to violate", s).isEqualTo(violates.get(s.name()));
            assertThat(s.broken()).as("%s is a control exactly when it violates something", s)
                    .isEqualTo(!violates.get(s.name()).isEmpty());
            assertThat(s.guarantees().stream().filter(s.violates()::contains))
                    .as("guarantees %s claims and exists to violate", s).isEmpty();
        }
    }

    private static Set<Guarantee> guaranteesIn(String cell) {
        Set<Guarantee> set = EnumSet.noneOf(Guarantee.class);
        Arrays.stream(cell.strip().split("\\s+")).filter(w -> !w.isEmpty()).map(Guarantee::valueOf).forEach(set::add);
        return set;
    }

    @Test
    void registryDescribesEveryStrategy() {
        assertThat(Arrays.stream(Strategy.values()).map(Strategy::displayName)).doesNotHaveDuplicates();
        for (Strategy s : Strategy.builtIns()) {
            assertThat(s.description()).isNotBlank();
            assertThat(s.displayName().startsWith("BROKEN")).isEqualTo(s.broken());
            assertThat(s.guarantees(Guarantee.EXACTLY_ONCE) && s.guarantees(Guarantee.CLOSES_DUPLICATES))
                    .as("%s: exactly-once and closes-duplicates exclude each other", s).isFalse();
            // one value, so the same instance, where it is published safely: a reader of an unsafely published
            // wrapper may get the field's default (null) instead of the one value (BROKEN_FINAL_WRAPPER_NON_FINAL)
            if ((s.guarantees(Guarantee.EXACTLY_ONCE) || s.guarantees(Guarantee.CLOSES_DUPLICATES))
                    && !s.violates().contains(Guarantee.SAFE_PUBLICATION)) {
                assertThat(s.guarantees(Guarantee.SAME_INSTANCE)).as("%s: one value, so the same instance", s).isTrue();
            }
        }
        assertThat(Strategy.correct()).contains(Strategy.SYNCHRONIZED, Strategy.DOUBLE_CHECKED,
                Strategy.HOLDER_IDIOM, Strategy.ATOMIC_REFERENCE);
        assertThat(Strategy.brokenControls()).contains(Strategy.BROKEN_UNSYNCHRONIZED,
                Strategy.BROKEN_DCL_NON_VOLATILE);
        // the built-in choices, not a provider's: a provider's strategy promises what its holder documents, no more
        List<Strategy> builtInChoices = Strategy.builtIns().stream().filter(s -> !s.broken()).toList();
        assertThat(builtInChoices).noneMatch(Strategy::mayLeakDuplicates);
        assertThat(builtInChoices).allSatisfy(s -> assertThat(s.guarantees(Guarantee.SAFE_PUBLICATION)).isTrue());
        assertThat(builtInChoices).allSatisfy(s -> assertThat(s.guarantees(Guarantee.SAME_INSTANCE)).isTrue());
    }

    /** Every strategy of the registry: the built-in ones, and in the module after the store, the providers'. */
    static Stream<Strategy> registry() {
        return Stream.of(Strategy.values());
    }

    @ParameterizedTest
    @MethodSource("registry")
    void createsOnceAndClosesOnce(Strategy strategy) {
        Available.assume(strategy);
        AtomicInteger calls = new AtomicInteger();
        Lazy<Value> holder = strategy.newHolder(() -> {
            calls.incrementAndGet();
            return new Value();
        });
        assertThat(holder.isInitialized()).isFalse();
        assertThat(calls).hasValue(0);
        Value v = holder.get();
        assertThat(holder.get()).isSameAs(v);
        assertThat(calls).hasValue(1);
        holder.close();
        holder.close();
        assertThat(v.closes).as("closed exactly once").hasValue(1);
    }

    @ParameterizedTest
    @MethodSource("registry")
    void failureThenRetryAsRegistered(Strategy strategy) {
        Available.assume(strategy);
        AtomicInteger calls = new AtomicInteger();
        Lazy<Value> holder = strategy.newHolder(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
            }
            return new Value();
        });
        assertThat(catchThrowable(holder::get)).isNotNull();
        Throwable second = catchThrowable(holder::get);
        if (strategy.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
            assertThat(second).isNull();
            assertThat(calls).hasValue(2);
        } else if (strategy.provided()) {
            // a provider's strategy that does not claim retries: not judged (the failure-semantics table shows it)
            assertThat(calls.get()).isBetween(1, 2);
        } else {
            assertThat(second).isNotNull();
            assertThat(calls).hasValue(1);
        }
    }

    @ParameterizedTest
    @MethodSource("registry")
    void nullFromTheFactoryIsAnError(Strategy strategy) {
        Available.assume(strategy);
        Lazy<Value> holder = strategy.newHolder(() -> null);
        if (strategy == Strategy.BROKEN_UNSYNCHRONIZED) {
            return; // the control does not check; it is not a choice
        }
        Throwable t = catchThrowable(holder::get);
        assertThat(t).isNotNull();
    }
}
