package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The holder idiom's own behaviour: fresh classes per holder, and what a failed initialization does. */
class HolderIdiomTest {

    static final class Value implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void eachAdapterOwnsAFreshUninitializedCopyOfTheClass() {
        AtomicInteger calls = new AtomicInteger();
        HolderIdiomLazy<Value> a = new HolderIdiomLazy<>(() -> {
            calls.incrementAndGet();
            return new Value();
        });
        HolderIdiomLazy<Value> b = new HolderIdiomLazy<>(() -> {
            calls.incrementAndGet();
            return new Value();
        });
        assertThat(a.isInitialized()).isFalse();
        Value va = a.get();
        assertThat(a.get()).isSameAs(va);
        assertThat(b.isInitialized()).as("another copy is still cold").isFalse();
        assertThat(b.get()).isNotSameAs(va);
        assertThat(calls).hasValue(2);
        Class<?> copy = FreshClassLoader.freshCopyOf(HolderIdiom.class);
        assertThat(copy).isNotSameAs(HolderIdiom.class);
        assertThat(copy.getName()).isEqualTo(HolderIdiom.class.getName());
    }

    @Test
    void aFailedInitializationFailsForever() {
        AtomicInteger calls = new AtomicInteger();
        HolderIdiomLazy<Value> holder = new HolderIdiomLazy<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return new Value();
        });
        assertThatThrownBy(holder::get).isInstanceOf(ExceptionInInitializerError.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(holder::get).isInstanceOf(NoClassDefFoundError.class);
        assertThatThrownBy(holder::get).isInstanceOf(NoClassDefFoundError.class);
        assertThat(calls).as("the factory is never called again").hasValue(1);
        assertThat(holder.isInitialized()).isFalse();
    }

    @Test
    void closeClosesTheValueButCannotResetTheClass() {
        HolderIdiomLazy<Value> holder = new HolderIdiomLazy<>(Value::new);
        Value v = holder.get();
        holder.close();
        assertThat(v.closed).isTrue();
        assertThat(holder.get()).as("still the same, closed value").isSameAs(v);
    }
}
