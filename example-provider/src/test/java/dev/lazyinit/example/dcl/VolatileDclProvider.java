package dev.lazyinit.example.dcl;

import dev.lazyinit.strategy.ProvidedStrategy;
import dev.lazyinit.strategy.StrategyProvider;
import java.util.List;

/**
 * A test fixture: {@link PlainDclProvider}'s provider with the field {@code volatile} ({@link VolatileDclHolder}), the
 * same claims. Packed alone into {@code target/dcl-volatile-holder.jar}: {@code ./mvnw verify -Dholder.jar=} that
 * jar passes.
 */
public final class VolatileDclProvider implements StrategyProvider {

    @Override
    public String name() {
        return "user-dcl";
    }

    @Override
    public List<ProvidedStrategy> strategies() {
        return List.of(new ProvidedStrategy("USER_DCL_VOLATILE", "a user's DCL with volatile",
                "Double-checked locking on a private lock; the fast path reads the field without the lock.",
                List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "RETRIES_AFTER_FAILURE", "CLOSEABLE",
                        "PER_INSTANCE"),
                VolatileDclHolder::new));
    }
}
