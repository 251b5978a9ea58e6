package dev.lazyinit.harness.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lazyinit.strategy.Strategy;

/**
 * Skips, visibly, a strategy this JVM cannot run (StableValue before JDK 25), or one outside this run's scope.
 *
 * <p>The scope: the store module's tests see only the built-in strategies, as no provider is on their class path.
 * The module after it (example-provider) runs the registry-wide store tests again from the store's test jar, with
 * the providers on the class path and {@value #SCOPE}={@code provided}: there only the providers' strategies run,
 * and the built-in ones, already tested, are skipped.
 */
public final class Available {

    /** The system property naming the scope: {@code provided}, or anything else for every strategy. */
    public static final String SCOPE = "lazyinit.scope";

    private Available() {
    }

    /**
     * @param strategy the strategy a test is about to run
     */
    public static void assume(Strategy strategy) {
        assumeTrue(strategy.available(), () -> strategy + " skipped: " + strategy.unavailableReason());
        assumeTrue(inScope(strategy), () -> strategy + " skipped: built-in, and this run has " + SCOPE + "=provided");
    }

    /**
     * @param strategy a strategy of the registry
     * @return whether this run tests it
     */
    public static boolean inScope(Strategy strategy) {
        return strategy.provided() || !"provided".equals(System.getProperty(SCOPE));
    }
}
