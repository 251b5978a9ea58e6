package dev.lazyinit.example.dcl;

import dev.lazyinit.strategy.ProvidedStrategy;
import dev.lazyinit.strategy.StrategyProvider;
import java.util.List;

/**
 * WRONG on purpose, a test fixture: a user's provider whose double-checked locking has no {@code volatile}
 * ({@link PlainDclHolder}) and claims safe publication anyway, as a user who believes the lock is enough would.
 * Packed alone into {@code target/dcl-plain-holder.jar}: {@code ./mvnw verify -Dholder.jar=} that jar must fail
 * through the static layer (SpotBugs' {@code DC_DOUBLECHECK}) and the dynamic layer (VMLens' data race).
 */
public final class PlainDclProvider implements StrategyProvider {

    @Override
    public String name() {
        return "user-dcl";
    }

    @Override
    public List<ProvidedStrategy> strategies() {
        return List.of(new ProvidedStrategy("USER_DCL_PLAIN", "a user's DCL without volatile",
                "Double-checked locking on a private lock; the fast path reads the field without the lock.",
                List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "RETRIES_AFTER_FAILURE", "CLOSEABLE",
                        "PER_INSTANCE"),
                PlainDclHolder::new));
    }
}
