package dev.lazyinit.strategy;

import static dev.lazyinit.strategy.Guarantee.CLOSEABLE;
import static dev.lazyinit.strategy.Guarantee.CLOSES_DUPLICATES;
import static dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE;
import static dev.lazyinit.strategy.Guarantee.PER_INSTANCE;
import static dev.lazyinit.strategy.Guarantee.RETRIES_AFTER_FAILURE;
import static dev.lazyinit.strategy.Guarantee.SAFE_PUBLICATION;

import dev.lazyinit.lazy.AtomicReferenceLazy;
import dev.lazyinit.lazy.DoubleCheckedLazy;
import dev.lazyinit.lazy.HolderIdiomLazy;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.lazy.SynchronizedLazy;
import dev.lazyinit.lazy.broken.BrokenNonVolatileDclLazy;
import dev.lazyinit.lazy.broken.BrokenUnsynchronizedLazy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one registry of lazy-initialization strategies. Tests, JCStress proofs, JMH benchmarks and the report
 * all iterate over it; adding a strategy is one class plus one constant here.
 *
 * <p>Broken controls are listed too, marked {@link #broken()}: they are never offered as a choice, but every
 * proof runs them to show it can catch the bug they carry.
 */
public enum Strategy {

    SYNCHRONIZED("synchronized method",
            "Every get() takes the monitor. Simplest correct choice; a lock on every call.",
            false, SynchronizedLazy::new,
            SAFE_PUBLICATION, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE),

    DOUBLE_CHECKED("double-checked locking (volatile)",
            "One volatile read on the fast path, a lock only while the value does not exist yet.",
            false, DoubleCheckedLazy::new,
            SAFE_PUBLICATION, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE),

    HOLDER_IDIOM("initialization-on-demand holder",
            "A static nested class whose initializer creates the value; the JVM's class-init lock does the rest."
                    + " Static only; cannot close, reset or retry.",
            false, HolderIdiomLazy::new,
            SAFE_PUBLICATION, EXACTLY_ONCE),

    ATOMIC_REFERENCE("AtomicReference compareAndSet",
            "Lock-free: racing threads may each create a value, one CAS wins, every loser closes its own.",
            false, AtomicReferenceLazy::new,
            SAFE_PUBLICATION, CLOSES_DUPLICATES, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE),

    BROKEN_UNSYNCHRONIZED("BROKEN: unsynchronized check-then-act",
            "Control. Racing threads each create a store and all but one are leaked: the incident's bug.",
            true, BrokenUnsynchronizedLazy::new,
            RETRIES_AFTER_FAILURE, PER_INSTANCE),

    BROKEN_DCL_NON_VOLATILE("BROKEN: double-checked locking without volatile",
            "Control. Creates once, but a fast-path reader may see a partly constructed value.",
            true, BrokenNonVolatileDclLazy::new,
            EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE);

    /** How a strategy builds a holder: one method reference to its constructor. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param factory creates the value
         * @param <T> the value type
         * @return a new, cold holder
         */
        <T extends AutoCloseable> Lazy<T> build(Supplier<? extends T> factory);
    }

    private final String displayName;
    private final String description;
    private final boolean broken;
    private final Builder builder;
    private final EnumSet<Guarantee> guarantees;

    Strategy(String displayName, String description, boolean broken, Builder builder, Guarantee... guarantees) {
        this.displayName = displayName;
        this.description = description;
        this.broken = broken;
        this.builder = builder;
        this.guarantees = guarantees.length == 0
                ? EnumSet.noneOf(Guarantee.class) : EnumSet.copyOf(Arrays.asList(guarantees));
    }

    /**
     * Builds a new, cold holder of this strategy.
     *
     * @param factory creates the value
     * @param <T> the value type
     * @return a holder whose first {@code get()} calls {@code factory}
     */
    public <T extends AutoCloseable> Lazy<T> newHolder(Supplier<? extends T> factory) {
        return builder.build(factory);
    }

    /** @return a human-readable name */
    public String displayName() {
        return displayName;
    }

    /** @return one or two sentences on how it works and what it costs */
    public String description() {
        return description;
    }

    /** @return {@code true} for a broken control, which exists only to prove that the checks catch it */
    public boolean broken() {
        return broken;
    }

    /** @return what this strategy promises */
    public Set<Guarantee> guarantees() {
        return EnumSet.copyOf(guarantees);
    }

    /**
     * @param guarantee a property
     * @return whether this strategy promises it
     */
    public boolean guarantees(Guarantee guarantee) {
        return guarantees.contains(guarantee);
    }

    /** @return the strategies a user may choose from */
    public static List<Strategy> correct() {
        return Arrays.stream(values()).filter(s -> !s.broken).toList();
    }

    /** @return the broken controls */
    public static List<Strategy> brokenControls() {
        return Arrays.stream(values()).filter(s -> s.broken).toList();
    }
}
