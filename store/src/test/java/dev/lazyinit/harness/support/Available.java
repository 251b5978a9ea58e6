package dev.lazyinit.harness.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lazyinit.strategy.Strategy;

/** Skips, visibly, a strategy this JVM cannot run (StableValue before JDK 25). */
public final class Available {

    private Available() {
    }

    /**
     * @param strategy the strategy a test is about to run
     */
    public static void assume(Strategy strategy) {
        assumeTrue(strategy.available(), () -> strategy + " skipped: " + strategy.unavailableReason());
    }
}
