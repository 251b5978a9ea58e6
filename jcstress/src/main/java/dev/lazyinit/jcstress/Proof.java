package dev.lazyinit.jcstress;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.strategy.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which strategy and property a JCStress test proves. The build writes it on every generated test (from
 * the proof's {@link Topic} and {@link Outcomes}); the gate reads it from every test in the jar to check that
 * each registry strategy has a proof of each property, and to file the test's verdict.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Proof {

    /**
     * @return the registry name of the strategy under test ({@link Strategy#name()}): a name, not a constant, since a
     *         provider's strategy has no constant to name
     */
    String strategy();

    /** @return the property proven */
    Property property();

    /**
     * @return for a broken control: the gate fails unless this test's bad (interesting) outcome was
     *         observed, because a harness that cannot show this bug has lost its teeth ({@link Outcomes#mustCatch()})
     */
    boolean mustCatch() default false;

    /**
     * @return for a correct strategy: outcome ids of an interesting path its claim rests on (AtomicReference's
     *         {@code 2 created, extra closed}); the gate fails unless one of them was observed, since a PASS with the
     *         path never taken proves nothing about it ({@link Outcomes#mustSee()}); empty for most proofs
     */
    String[] mustSee() default {};
}
