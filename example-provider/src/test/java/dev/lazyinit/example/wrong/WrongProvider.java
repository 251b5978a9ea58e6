package dev.lazyinit.example.wrong;

import dev.lazyinit.strategy.ProvidedStrategy;
import dev.lazyinit.strategy.StrategyProvider;
import java.util.List;

/**
 * WRONG on purpose, a test fixture: a provider whose holder ({@link CheckThenActHolder}) claims exactly-once but is
 * not synchronized. It is not registered in this module: the build packs it with its own services file into
 * {@code target/wrong-holder.jar}, a user's jar like any other, for the command in the README ("Bring your own
 * holder") that shows the gate failing on its claim.
 */
public final class WrongProvider implements StrategyProvider {

    @Override
    public String name() {
        return "wrong-example";
    }

    @Override
    public List<ProvidedStrategy> strategies() {
        return List.of(new ProvidedStrategy("CHECK_THEN_ACT", "check-then-act, claimed exactly-once",
                "A user's holder, unsynchronized: a volatile field checked, then set. Claims exactly-once; it is not.",
                List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "RETRIES_AFTER_FAILURE", "PER_INSTANCE"),
                CheckThenActHolder::new));
    }
}
