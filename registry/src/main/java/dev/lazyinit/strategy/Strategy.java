package dev.lazyinit.strategy;

import static dev.lazyinit.strategy.Guarantee.CLOSEABLE;
import static dev.lazyinit.strategy.Guarantee.CLOSES_DUPLICATES;
import static dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE;
import static dev.lazyinit.strategy.Guarantee.PER_INSTANCE;
import static dev.lazyinit.strategy.Guarantee.RETRIES_AFTER_FAILURE;
import static dev.lazyinit.strategy.Guarantee.SAFE_PUBLICATION;
import static dev.lazyinit.strategy.Guarantee.SAME_INSTANCE;
import static dev.lazyinit.strategy.Guarantee.WAITERS_CAN_GIVE_UP;

import dev.lazyinit.lazy.AtomicReferenceLazy;
import dev.lazyinit.lazy.DoubleCheckedLazy;
import dev.lazyinit.lazy.FinalWrapperLazy;
import dev.lazyinit.lazy.HolderIdiomLazy;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.lazy.ReentrantLockDclLazy;
import dev.lazyinit.lazy.SynchronizedLazy;
import dev.lazyinit.lazy.VarHandleDclLazy;
import dev.lazyinit.lazy.broken.BrokenCloseForgetsLazy;
import dev.lazyinit.lazy.broken.BrokenNoRetryLazy;
import dev.lazyinit.lazy.broken.BrokenNonFinalWrapperLazy;
import dev.lazyinit.lazy.broken.BrokenNonVolatileDclLazy;
import dev.lazyinit.lazy.broken.BrokenUninterruptibleWaitLazy;
import dev.lazyinit.lazy.broken.BrokenUnsynchronizedLazy;
import dev.lazyinit.lazy.broken.BrokenVarHandlePlainDclLazy;
import dev.lazyinit.lazy.library.CommonsAtomicInitializerLazy;
import dev.lazyinit.lazy.library.CommonsLazyInitializerLazy;
import dev.lazyinit.lazy.library.GuavaMemoizeLazy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one registry of lazy-initialization strategies. Tests, JCStress proofs, JMH benchmarks and the report
 * all iterate over it; adding a built-in strategy is one class plus one constant here, and a strategy from outside
 * the suite (a user's own holder, a library's) comes through a {@link StrategyProvider} on the class path, with no
 * edit here. {@link #values()} serves both: the built-in catalogue first, then every provider's. Each constant names
 * its parts ({@link Definition}): what it claims, what a control violates, what builds it.
 *
 * <p>Broken controls are listed too, marked {@link #broken()}: they are never offered as a choice, but every
 * proof runs them to show it can catch the bug they carry.
 */
public final class Strategy implements Comparable<Strategy> {

    /** The built-in catalogue, in the order of the constants below; filled as they are created. */
    private static final List<Strategy> BUILT_IN = new ArrayList<>();

    public static final Strategy SYNCHRONIZED = define("SYNCHRONIZED").shown("synchronized method")
            .described("Every get() takes the monitor. Simplest correct choice; a lock on every call.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .builtBy(SynchronizedLazy::new).register();

    public static final Strategy DOUBLE_CHECKED = define("DOUBLE_CHECKED").shown("double-checked locking (volatile)")
            .described("One volatile read on the fast path, a lock only while the value does not exist yet.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .builtBy(DoubleCheckedLazy::new).register();

    public static final Strategy HOLDER_IDIOM = define("HOLDER_IDIOM").shown("initialization-on-demand holder")
            .described("A static nested class whose initializer creates the value; the JVM's class-init lock does"
                    + " the rest. Static only; cannot close, reset or retry.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE)
            .builtBy(HolderIdiomLazy::new).register();

    public static final Strategy ATOMIC_REFERENCE = define("ATOMIC_REFERENCE").shown("AtomicReference compareAndSet")
            .described("Lock-free: racing threads may each create a value, one CAS wins, every loser closes its own.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, CLOSES_DUPLICATES, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .builtBy(AtomicReferenceLazy::new).register();

    public static final Strategy DCL_REENTRANT_LOCK = define("DCL_REENTRANT_LOCK")
            .shown("double-checked locking (ReentrantLock)")
            .described("DCL with an explicit lock: the same volatile fast path, and a waiter can be interrupted.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE,
                    WAITERS_CAN_GIVE_UP)
            .builtBy(ReentrantLockDclLazy::new).register();

    public static final Strategy DCL_VAR_HANDLE = define("DCL_VAR_HANDLE")
            .shown("double-checked locking (VarHandle acquire/release)")
            .described("DCL whose fast path is an acquire load and whose publication is a release store, not volatile.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .builtBy(VarHandleDclLazy::new).register();

    public static final Strategy FINAL_WRAPPER = define("FINAL_WRAPPER").shown("final-field wrapper")
            .described("DCL that publishes through an immutable wrapper's final field; the fast path is a plain read.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .builtBy(FinalWrapperLazy::new).register();

    public static final Strategy GUAVA_MEMOIZE = define("GUAVA_MEMOIZE").shown("Guava Suppliers.memoize")
            .described("Library baseline: DCL on a volatile flag inside Guava. No close, no reset.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .builtBy(GuavaMemoizeLazy::new).register();

    public static final Strategy COMMONS_LAZY_INITIALIZER = define("COMMONS_LAZY_INITIALIZER")
            .shown("commons-lang3 LazyInitializer")
            .described("Library baseline: DCL on a volatile field; its closer runs at close(), which does not stop"
                    + " later gets.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .builtBy(CommonsLazyInitializerLazy::new).register();

    public static final Strategy STABLE_VALUE = define("STABLE_VALUE").shown("StableValue (JDK 25 preview)")
            .described("The JDK's own at-most-once value (JEP 502). Needs JDK 25 with --enable-preview.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .builtBy(new ReflectiveBuilder("dev.lazyinit.lazy.StableValueLazy", 25, 25,
                    "JDK 25 only: JDK 26 replaced it by LazyConstant")).register();

    public static final Strategy LAZY_CONSTANT = define("LAZY_CONSTANT").shown("LazyConstant (JDK 26 preview)")
            .described("The JDK's own lazy constant (JEP 526), StableValue's successor. Needs JDK 26 with"
                    + " --enable-preview.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .builtBy(new ReflectiveBuilder("dev.lazyinit.lazy.LazyConstantLazy", 26, 26, "JDK 26 only: JDK 27's"
                    + " LazyConstant has no isInitialized() and never retries a failed computation, which this entry"
                    + " claims")).register();

    public static final Strategy COMMONS_ATOMIC_INITIALIZER = define("COMMONS_ATOMIC_INITIALIZER")
            .shown("BROKEN for resources: commons-lang3 AtomicInitializer")
            .described("Library baseline. Racing threads may each create a value and the losers are dropped unclosed:"
                    + " fine for cheap objects, a leaked pool per loser for a store.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .violates(CLOSES_DUPLICATES)
            .builtBy(CommonsAtomicInitializerLazy::new).register();

    public static final Strategy BROKEN_UNSYNCHRONIZED = define("BROKEN_UNSYNCHRONIZED")
            .shown("BROKEN: unsynchronized check-then-act")
            .described("Control. Racing threads each create a store and all but one are leaked: the incident's bug.")
            .claims(RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .violates(EXACTLY_ONCE, SAME_INSTANCE)
            .builtBy(BrokenUnsynchronizedLazy::new).register();

    public static final Strategy BROKEN_DCL_NON_VOLATILE = define("BROKEN_DCL_NON_VOLATILE")
            .shown("BROKEN: double-checked locking without volatile")
            .described("Control. Creates once, but a fast-path reader may see a partly constructed value.")
            .claims(SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .violates(SAFE_PUBLICATION)
            .builtBy(BrokenNonVolatileDclLazy::new).register();

    public static final Strategy BROKEN_NO_RETRY = define("BROKEN_NO_RETRY")
            .shown("BROKEN: remembers its first failure")
            .described("Control. Double-checked locking that keeps the factory's first exception and throws it"
                    + " forever: a database that was down at start-up stays down for this holder.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, CLOSEABLE, PER_INSTANCE)
            .violates(RETRIES_AFTER_FAILURE)
            .builtBy(BrokenNoRetryLazy::new).register();

    public static final Strategy BROKEN_CLOSE_FORGETS = define("BROKEN_CLOSE_FORGETS")
            .shown("BROKEN: close() that does not stay closed")
            .described("Control. Double-checked locking whose close() closes the value but does not remember it was"
                    + " closed: a get() after close() opens a new pool.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, PER_INSTANCE)
            .violates(CLOSEABLE)
            .builtBy(BrokenCloseForgetsLazy::new).register();

    public static final Strategy BROKEN_UNINTERRUPTIBLE_WAIT = define("BROKEN_UNINTERRUPTIBLE_WAIT")
            .shown("BROKEN: ReentrantLock DCL whose waiters cannot give up")
            .described("Control. The ReentrantLock DCL with lock() instead of lockInterruptibly(): an interrupted"
                    + " waiter sits out the whole creation, which the ReentrantLock DCL exists to avoid.")
            .claims(SAFE_PUBLICATION, SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .violates(WAITERS_CAN_GIVE_UP)
            .builtBy(BrokenUninterruptibleWaitLazy::new).register();

    public static final Strategy BROKEN_DCL_VAR_HANDLE_PLAIN = define("BROKEN_DCL_VAR_HANDLE_PLAIN")
            .shown("BROKEN: VarHandle DCL with plain get/set")
            .described("Control. The VarHandle DCL with plain get()/set() instead of acquire/release: unsafe"
                    + " publication, as without volatile, hidden from SpotBugs behind the VarHandle; the bytecode"
                    + " check flags it.")
            .claims(SAME_INSTANCE, EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .violates(SAFE_PUBLICATION)
            .builtBy(BrokenVarHandlePlainDclLazy::new).register();

    public static final Strategy BROKEN_FINAL_WRAPPER_NON_FINAL = define("BROKEN_FINAL_WRAPPER_NON_FINAL")
            .shown("BROKEN: final-field wrapper whose field is not final")
            .described("Control. The final-field wrapper with the wrapper's field not final: the plain fast-path read"
                    + " may see the wrapper before its value is written, as in the DCL without volatile.")
            // no same-instance claim either: a reader that sees the wrapper before its field gets null, not the
            // value the creator got (JCStress on JDK 25, x86, saw it: the JIT moved the field's store after the
            // wrapper's publication)
            .claims(EXACTLY_ONCE, RETRIES_AFTER_FAILURE, CLOSEABLE, PER_INSTANCE)
            .violates(SAFE_PUBLICATION)
            .builtBy(BrokenNonFinalWrapperLazy::new).register();

    /** How a strategy builds a holder: one method reference to its constructor. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param factory creates the value
         * @param <T> the value type
         * @return a new, cold holder
         */
        <T extends AutoCloseable> Lazy<T> build(Supplier<? extends T> factory);

        /** @return why this JVM cannot build it, or {@code null} if it can */
        default String unavailableReason() {
            return null;
        }
    }

    private final String name;
    private final String provider;
    private final String displayName;
    private final String description;
    private final Set<Guarantee> violates;
    private final Set<Guarantee> knownBlindSpots;
    private final Builder builder;
    private final EnumSet<Guarantee> guarantees;

    /** Starts a built-in entry, which {@link Definition#register()} adds to the catalogue. */
    private static Definition define(String name) {
        return new Definition(name, BUILT_IN);
    }

    /**
     * A strategy a {@link StrategyProvider} contributed, its guarantees already checked by the registry. The factory
     * its builder gets never returns {@code null}: a {@code null} from the suite's factory throws first.
     */
    static Strategy provided(String provider, ProvidedStrategy offer, Set<Guarantee> claims, Set<Guarantee> violates,
                             Set<Guarantee> knownBlindSpots) {
        ProvidedStrategy.Builder theirs = offer.builder();
        Builder builder = new Builder() {
            @Override
            @SuppressWarnings("unchecked") // the holder hands out what the factory made, a T
            public <T extends AutoCloseable> Lazy<T> build(Supplier<? extends T> factory) {
                return (Lazy<T>) theirs.build(() -> Lazy.requireCreated(factory, factory.get()));
            }
        };
        return new Definition(offer.name(), null).shown(offer.displayName()).described(offer.description())
                .builtBy(builder).claims(claims.toArray(Guarantee[]::new)).violates(violates.toArray(Guarantee[]::new))
                .knownBlindSpots(knownBlindSpots.toArray(Guarantee[]::new)).offeredBy(provider);
    }

    /** Called by {@link Definition}, which checks the parts first. */
    Strategy(String name, String provider, String displayName, String description, Builder builder,
             EnumSet<Guarantee> guarantees, EnumSet<Guarantee> violates, EnumSet<Guarantee> knownBlindSpots) {
        this.name = name;
        this.provider = provider;
        this.displayName = displayName;
        this.description = description;
        this.builder = builder;
        this.guarantees = EnumSet.copyOf(guarantees);
        this.violates = Collections.unmodifiableSet(EnumSet.copyOf(violates));
        this.knownBlindSpots = Collections.unmodifiableSet(EnumSet.copyOf(knownBlindSpots));
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

    /** @return whether this JVM can run the strategy (StableValue needs JDK 25, LazyConstant 26, with preview) */
    public boolean available() {
        return builder.unavailableReason() == null;
    }

    /** @return why this JVM cannot run the strategy, or {@code null} if it can */
    public String unavailableReason() {
        return builder.unavailableReason();
    }

    /** @return whether a cold stampede can end with more than one pool alive: no exactly-once, no clean-up */
    public boolean mayLeakDuplicates() {
        return !guarantees.contains(EXACTLY_ONCE) && !guarantees.contains(CLOSES_DUPLICATES);
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
        return !violates.isEmpty();
    }

    /**
     * @return for a broken control, the guarantees it exists to violate (and does not claim): the suite must catch
     *         it on each of them; empty for a strategy a user may choose
     */
    public Set<Guarantee> violates() {
        return violates;
    }

    /**
     * @return of the guarantees this control {@link #violates()}, those the layer of the suite that must catch them
     *         is known not to see (a blind spot, documented rather than hidden): the teeth table shows such a row
     *         NOT_OBSERVED and marks it a known blind spot instead of failing the build; empty for every other strategy
     */
    public Set<Guarantee> knownBlindSpots() {
        return knownBlindSpots;
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

    /** @return the registry name: a built-in constant's name, or the name its provider gave it */
    public String name() {
        return name;
    }

    /** @return the name of the {@link StrategyProvider} that contributed it; empty for a built-in strategy */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return whether a {@link StrategyProvider} contributed it, rather than the built-in catalogue */
    public boolean provided() {
        return provider != null;
    }

    /** @return {@link #name()}, as an enum constant would */
    @Override
    public String toString() {
        return name;
    }

    /** Orders strategies as {@link #values()} lists them. */
    @Override
    public int compareTo(Strategy other) {
        List<Strategy> all = Registry.all();
        return Integer.compare(all.indexOf(this), all.indexOf(other));
    }

    /**
     * @return every strategy: the built-in catalogue in its order, then every provider's on the class path, ordered by
     *         provider name, then strategy name
     * @throws RegistryException if a provider cannot be loaded or offers what the registry cannot take
     */
    public static Strategy[] values() {
        return Registry.all().toArray(new Strategy[0]);
    }

    /** @return the built-in catalogue only, in its order: what this class declares */
    public static List<Strategy> builtIns() {
        return Collections.unmodifiableList(BUILT_IN);
    }

    /**
     * @param name a registry name
     * @return the strategy of that name, built-in or provided
     * @throws IllegalArgumentException if no strategy has that name
     */
    public static Strategy valueOf(String name) {
        for (Strategy s : Registry.all()) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("No strategy named " + name + " in the registry (built-in and providers on"
                + " the class path): " + Registry.all().stream().map(Strategy::name).toList());
    }

    /** @return the strategies a user may choose from */
    public static List<Strategy> correct() {
        return Registry.all().stream().filter(s -> !s.broken()).toList();
    }

    /** @return the broken controls */
    public static List<Strategy> brokenControls() {
        return Registry.all().stream().filter(Strategy::broken).toList();
    }
}
