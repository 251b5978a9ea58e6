package dev.lazyinit.jcstress;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.strategy.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a proof: the one class ({@code Lazy_0N_*}) that holds everything about one {@link Property}. The build
 * turns it into one JCStress test per registry strategy the property applies to ({@link Property#appliesTo}).
 *
 * <p>A proof class is {@code public abstract} and has, in this order:
 * <ul>
 *   <li>the narrative: a comment walking through the interleavings and naming every outcome;</li>
 *   <li>the state: fields set up by a constructor taking the {@link Strategy} under test, which builds a cold
 *       holder of it for every sample;</li>
 *   <li>the actors: {@code public void} methods annotated {@code @Actor} and, if it has one, one
 *       {@code @Arbiter}, taking the JCStress result object they write;</li>
 *   <li>what was observed, in a comment;</li>
 *   <li>the expectations: {@code public static Outcomes outcomes(Strategy)}, which says, from the strategy's
 *       guarantees in the registry, which outcomes are acceptable, which are interesting, which one is a broken
 *       control's bug (and whether the gate must see it), and that everything else is forbidden.</li>
 * </ul>
 *
 * <p>What the build generates for each strategy is only what JCStress needs to see on the test class itself:
 * {@code @JCStressTest}, {@link Proof}, one {@code @Outcome} per line of {@link Outcomes}, {@code @State}, a
 * constructor naming the strategy, and the actors re-declared as one-line calls to these (JCStress reads the
 * actors of the test class only, not inherited ones).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Topic {

    /** @return the property this class proves */
    Property value();
}
