package dev.lazyinit.example;

import dev.lazyinit.strategy.ProvidedStrategy;
import dev.lazyinit.strategy.StrategyProvider;
import java.util.List;

/**
 * The example provider: library holders users ask about, registered the way a user registers their own, through
 * {@code META-INF/services/dev.lazyinit.strategy.StrategyProvider} and no edit to the built-in registry.
 *
 * <p>Each claims what its library documents, and nothing it does not: the suite holds a claim to account, and
 * shows, without judging, what a holder does about the guarantees it does not claim (none of them closes; Kotlin's
 * PUBLICATION mode may create more than one value and drops the extras unclosed).
 */
public final class ExampleProvider implements StrategyProvider {

    @Override
    public String name() {
        return "example";
    }

    @Override
    public List<ProvidedStrategy> strategies() {
        return List.of(
                new ProvidedStrategy("SPRING_SINGLETON_SUPPLIER", "Spring SingletonSupplier",
                        "Library baseline (spring-core): caches the first result behind a lock taken only while"
                                + " there is none. No close, no reset.",
                        List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "PER_INSTANCE"),
                        SpringSingletonSupplierLazy::new),
                new ProvidedStrategy("VAVR_LAZY", "Vavr Lazy",
                        "Library baseline (Vavr): a memoizing value evaluated once under a lock. No close, no reset.",
                        List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "PER_INSTANCE"),
                        VavrLazyAdapter::new),
                new ProvidedStrategy("KOTLIN_LAZY_SYNCHRONIZED", "Kotlin lazy (SYNCHRONIZED)",
                        "Library baseline (kotlin-stdlib): one thread initializes under a lock; a failed"
                                + " initializer is tried again on the next access. No close.",
                        List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "EXACTLY_ONCE", "RETRIES_AFTER_FAILURE",
                                "PER_INSTANCE"),
                        KotlinLazyAdapter::synchronizedMode),
                new ProvidedStrategy("KOTLIN_LAZY_PUBLICATION", "Kotlin lazy (PUBLICATION)",
                        "Library baseline (kotlin-stdlib): racing threads may each run the initializer; the first"
                                + " value published wins and the others are dropped unclosed. No close.",
                        List.of("SAFE_PUBLICATION", "SAME_INSTANCE", "RETRIES_AFTER_FAILURE", "PER_INSTANCE"),
                        KotlinLazyAdapter::publicationMode));
    }
}
