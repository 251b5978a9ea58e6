package dev.lazyinit.strategy;

import java.util.List;

/**
 * Brings strategies from outside the suite: a user's own lazy holder, or a library's, put through the same
 * tests, proofs, benchmarks and report as the built-in ones without an edit to {@link Strategy}.
 *
 * <p>A jar contributes a provider the {@link java.util.ServiceLoader} way: a public class with a public no-argument
 * constructor that implements this interface, named in {@code META-INF/services/dev.lazyinit.strategy.StrategyProvider}.
 * The registry loads every provider on the class path once, checks what they offer, and serves their strategies
 * after the built-in ones, ordered by provider name, then strategy name.
 *
 * <p>Each strategy is held to what it {@link ProvidedStrategy#claims() claims}, exactly like a built-in one: a claim
 * that a proof or a store test shows broken fails the build. Claim only what the holder documents.
 */
public interface StrategyProvider {

    /** @return a short name for this provider, shown beside its strategies ("yours", "acme-commons", ...) */
    String name();

    /** @return the strategies this provider contributes; each name unique across the whole registry */
    List<ProvidedStrategy> strategies();
}
