package dev.lazyinit.harness.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lazyinit.strategy.Strategy;
import java.util.Arrays;

/**
 * Skips, visibly, a strategy this JVM cannot run (StableValue before JDK 25), or one outside this run's scope.
 *
 * <p>The scope follows from the class path, with no setting to get wrong. The registry-wide suite (the conformance
 * module's jar) is run twice over: by the conformance module, where no provider is on the class path, over the
 * built-in strategies; and by a provider's module (example-provider, or yours), where its provider is on the class
 * path, over the providers' strategies only, as the built-in ones were tested in the conformance module's run.
 */
public final class Available {

    /** Why a built-in strategy is skipped in a provider's run, as the tests and the layers' verdicts say. */
    public static final String OUT_OF_SCOPE = "built-in, and a provider is on this run's class path: this run tests"
            + " the providers' strategies, the conformance module's run the built-in ones";

    private Available() {
    }

    /**
     * @param strategy the strategy a test is about to run
     */
    public static void assume(Strategy strategy) {
        assumeTrue(strategy.available(), () -> strategy + " skipped: " + strategy.unavailableReason());
        assumeTrue(inScope(strategy), () -> strategy + " skipped: " + OUT_OF_SCOPE);
    }

    /**
     * @param strategy a strategy of the registry
     * @return whether this run tests it: a provider's strategy always; a built-in one when no provider is on the
     *         class path
     */
    public static boolean inScope(Strategy strategy) {
        return strategy.provided() || !providersPresent();
    }

    /** @return whether any provider's strategy is registered in this JVM, that is, whether this is a provider's run */
    public static boolean providersPresent() {
        return Arrays.stream(Strategy.values()).anyMatch(Strategy::provided);
    }
}
