package dev.lazyinit.harness.contract;

import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The layers of the suite that can catch a broken control, and the one place that says which of them must catch a
 * control's violation of each {@link Guarantee}. The proofs read it to declare {@code mustCatch} ({@link
 * #mustCatch(Strategy, Guarantee)}), the gate to build and judge the teeth table: every guarantee a control
 * {@link Strategy#violates() violates} must be CAUGHT by at least one of its {@link #required} layers, unless the
 * registry marks it a {@link Strategy#knownBlindSpots() known blind spot}.
 *
 * <p>It lives in the contract because a {@link Teeth.Row} names its layer: the store tests write their rows with
 * it, the gate reads them back and compares layers as values, and the {@link Codec} writes each as its
 * {@link #id()}. It needs nothing but the registry ({@link Guarantee}, {@link Property}, {@link Strategy}).
 */
public enum Layer {

    /** SpotBugs over the holder classes, in the store build: reads bytecode, so it does not depend on the hardware. */
    STATIC("static"),
    /**
     * VMLens over two threads' {@code get()} on a cold holder, every interleaving, in the store build (and in
     * example-provider's, over a provider's holders): follows the accesses, library code included, so it does not
     * depend on the hardware either; blind to VarHandle accesses.
     */
    DYNAMIC("dynamic"),
    /** The JCStress proofs of this module: races between two actors, on this machine's hardware and JIT. */
    JCSTRESS("jcstress"),
    /**
     * The store's own tests (a real pool, threads, interrupts, a database that goes down): conformance/target/teeth.
     */
    STORE("store");

    private final String id;

    Layer(String id) {
        this.id = id;
    }

    /** @return the name the teeth table's {@code layer} column and the {@link Teeth} file use */
    public String id() {
        return id;
    }

    /**
     * The rule. A switch over every guarantee, so a new guarantee does not compile until it says who must catch it.
     *
     * @param g a guarantee
     * @return the layers that must catch a control violating it; one CAUGHT among them is enough
     */
    public static Set<Layer> required(Guarantee g) {
        return switch (g) {
            // JCStress can show it only where the hardware reorders stores (never on x86); the static layer flags
            // the unsafe shape, the dynamic layer the race, on any machine. The publication proof still runs and
            // its row is shown.
            case SAFE_PUBLICATION -> EnumSet.of(STATIC, DYNAMIC);
            // races of two threads on one cold holder: exactly what a JCStress proof samples, on any hardware
            case SAME_INSTANCE, EXACTLY_ONCE, CLOSES_DUPLICATES, RETRIES_AFTER_FAILURE, CLOSEABLE ->
                    EnumSet.of(JCSTRESS);
            // an interrupt during another thread's slow creation: a matter of time, not of the memory model
            case WAITERS_CAN_GIVE_UP -> EnumSet.of(STORE);
            // no control: a property of scope (one value per holder object), checked by the store tests with two
            // holders; a control sharing static state across holders would break every per-sample JCStress proof
            case PER_INSTANCE -> EnumSet.noneOf(Layer.class);
        };
    }

    /**
     * @param g a guarantee
     * @return the JCStress proof whose bug outcome shows a violation of it, if one does
     */
    public static Optional<Property> proofOf(Guarantee g) {
        return switch (g) {
            case SAFE_PUBLICATION -> Optional.of(Property.PUBLICATION);
            case SAME_INSTANCE -> Optional.of(Property.SAME_INSTANCE);
            case EXACTLY_ONCE, CLOSES_DUPLICATES -> Optional.of(Property.EXACTLY_ONCE);
            case RETRIES_AFTER_FAILURE -> Optional.of(Property.FAILURE_THEN_ACCESS);
            case CLOSEABLE -> Optional.of(Property.CLOSE_VS_GET);
            case WAITERS_CAN_GIVE_UP, PER_INSTANCE -> Optional.empty();
        };
    }

    /**
     * @param s a strategy
     * @param g a guarantee
     * @return whether this layer must catch {@code s} on {@code g}: {@code s} is a control that violates {@code g},
     *         this layer is {@link #required} for {@code g}, and the registry does not mark it a known blind spot
     */
    public boolean mustCatch(Strategy s, Guarantee g) {
        return s.violates().contains(g) && required(g).contains(this) && !s.knownBlindSpots().contains(g);
    }
}
