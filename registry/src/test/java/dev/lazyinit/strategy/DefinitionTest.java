package dev.lazyinit.strategy;

import static dev.lazyinit.strategy.Guarantee.CLOSEABLE;
import static dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE;
import static dev.lazyinit.strategy.Guarantee.SAFE_PUBLICATION;
import static dev.lazyinit.strategy.Guarantee.SAME_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazyinit.lazy.SynchronizedLazy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks a registry entry passes before it becomes a strategy, each with a catalogue of its own, so the built-in
 * one stays as it is.
 */
class DefinitionTest {

    private final List<Strategy> catalogue = new ArrayList<>();

    private Definition control(String name) {
        return new Definition(name, catalogue).shown("BROKEN: " + name).described("A test fixture.")
                .builtBy(SynchronizedLazy::new);
    }

    @Test
    void aControlCannotClaimWhatItViolates() {
        Definition d = control("CLAIMS_WHAT_IT_BREAKS").claims(SAME_INSTANCE, SAFE_PUBLICATION)
                .violates(SAFE_PUBLICATION);
        assertThatThrownBy(d::register).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLAIMS_WHAT_IT_BREAKS").hasMessageContaining("cannot claim");
        assertThat(catalogue).isEmpty();
    }

    @Test
    void aBlindSpotMustBeAViolatedGuarantee() {
        Definition d = control("BLIND_TO_A_CLAIM").claims(SAME_INSTANCE).violates(SAFE_PUBLICATION)
                .knownBlindSpots(EXACTLY_ONCE);
        assertThatThrownBy(d::register).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blind spot");
        assertThat(control("BLIND_TO_A_VIOLATION").violates(SAFE_PUBLICATION).knownBlindSpots(SAFE_PUBLICATION)
                .register().knownBlindSpots()).containsExactly(SAFE_PUBLICATION);
    }

    @Test
    void anEntryWithoutAPartIsRefused() {
        assertThatThrownBy(new Definition("UNSHOWN", catalogue).described("d").builtBy(SynchronizedLazy::new)::register)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNSHOWN");
        assertThatThrownBy(new Definition("UNBUILT", catalogue).shown("s").described("d")::register)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNBUILT");
    }

    @Test
    void registerListsInOrderAndAProvidersEntryIsNotRegistered() {
        Strategy first = control("FIRST").claims(EXACTLY_ONCE).violates(CLOSEABLE).register();
        Strategy second = control("SECOND").claims(CLOSEABLE).register();
        assertThat(catalogue).containsExactly(first, second);
        assertThat(first.guarantees()).containsExactly(EXACTLY_ONCE);
        assertThat(first.violates()).containsExactly(CLOSEABLE);
        assertThat(first.broken()).isTrue();
        assertThat(second.broken()).isFalse();
        assertThat(first.provided()).isFalse();

        Strategy theirs = new Definition("THEIRS", null).shown("theirs").described("d").builtBy(SynchronizedLazy::new)
                .claims(EXACTLY_ONCE).offeredBy("acme");
        assertThat(theirs.provider()).contains("acme");
        assertThat(catalogue).containsExactly(first, second);
        assertThatThrownBy(new Definition("LOOSE", null).shown("s").described("d").builtBy(SynchronizedLazy::new)
                ::register).isInstanceOf(IllegalStateException.class);
    }
}
