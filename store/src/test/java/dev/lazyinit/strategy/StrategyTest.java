package dev.lazyinit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lazyinit.harness.support.Available;
import dev.lazyinit.lazy.Lazy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry, and the single-threaded contract every strategy shares, checked with a cheap value. */
class StrategyTest {

    static final class Value implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void registryDescribesEveryStrategy() {
        assertThat(Arrays.stream(Strategy.values()).map(Strategy::displayName)).doesNotHaveDuplicates();
        for (Strategy s : Strategy.values()) {
            assertThat(s.description()).isNotBlank();
            assertThat(s.displayName().startsWith("BROKEN")).isEqualTo(s.broken());
            assertThat(s.guarantees(Guarantee.EXACTLY_ONCE) && s.guarantees(Guarantee.CLOSES_DUPLICATES))
                    .as("%s: exactly-once and closes-duplicates exclude each other", s).isFalse();
            if (s.guarantees(Guarantee.EXACTLY_ONCE) || s.guarantees(Guarantee.CLOSES_DUPLICATES)) {
                assertThat(s.guarantees(Guarantee.SAME_INSTANCE)).as("%s: one value, so the same instance", s).isTrue();
            }
        }
        assertThat(Strategy.correct()).contains(Strategy.SYNCHRONIZED, Strategy.DOUBLE_CHECKED,
                Strategy.HOLDER_IDIOM, Strategy.ATOMIC_REFERENCE);
        assertThat(Strategy.brokenControls()).contains(Strategy.BROKEN_UNSYNCHRONIZED,
                Strategy.BROKEN_DCL_NON_VOLATILE);
        assertThat(Strategy.correct()).noneMatch(Strategy::mayLeakDuplicates);
        assertThat(Strategy.correct()).allSatisfy(s -> assertThat(s.guarantees(Guarantee.SAFE_PUBLICATION)).isTrue());
        assertThat(Strategy.correct()).allSatisfy(s -> assertThat(s.guarantees(Guarantee.SAME_INSTANCE)).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
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
    @EnumSource(Strategy.class)
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
        } else {
            assertThat(second).isNotNull();
            assertThat(calls).hasValue(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
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
