package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.staticlayer.StaticLayer;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The static layer over the providers' strategies: SpotBugs, with the store build's settings, and the bytecode check
 * read the classes each provider's builder constructs, from the jar or folder they were loaded from (a user's
 * {@code -Dholder.jar} too), beside the built-in publication controls, so that a PASS here can be discriminating.
 * Runs in example-provider's build, where the providers are on the class path; in the conformance module's, which has
 * none, it is skipped. Writes {@code target/static-layer/static-verdicts.json}, which the gate merges into the store
 * module's.
 *
 * <p>What a failure here means: a provider's holder that claims safe publication has a concurrency finding (read
 * it: the classic one is {@code DC_DOUBLECHECK}, a double-checked field that is not {@code volatile}), or the
 * built-in controls are no longer caught when read this way, so the layer lost its teeth.
 */
@Tag("integration")
class ProvidedStaticLayerTest {


    /** What this run reads: the providers' strategies and the built-in controls that break safe publication. */
    static final Predicate<Strategy> SCOPE = s -> s.provided() || s.violates().contains(Guarantee.SAFE_PUBLICATION);

    static StaticVerdicts verdicts;

    @BeforeAll
    static void analyse() throws Exception {
        assumeFalse(Arrays.stream(Strategy.values()).noneMatch(Strategy::provided),
                "no provider on the class path: the conformance module's StaticLayerTest judges the built-in"
                        + " strategies");
        List<Strategy> read = Arrays.stream(Strategy.values()).filter(Strategy::available).filter(SCOPE).toList();
        StaticLayer.spotbugs(read, ResultsLayout.SPOTBUGS_XML, ResultsLayout.SPOTBUGS_LOG);
        String settings = StaticLayer.SETTINGS + ", classes: the packages of the providers' holders and of the"
                + " publication controls";
        verdicts = StaticLayer.judge(ResultsLayout.SPOTBUGS_XML, settings, SCOPE,
                "built-in: judged in the conformance module's run");
        Codec.write(ResultsLayout.STATIC_VERDICTS, verdicts);
        System.out.print(verdicts.table("static layer, providers",
                strategy -> read.stream().anyMatch(s -> s.name().equals(strategy))));
    }

    @Test
    void noProvidedStrategyThatClaimsSafePublicationIsFlagged() {
        assertThat(verdicts.verdicts()).filteredOn(v -> v.verdict() == VerdictKind.FAIL)
                .as("the static layer (%s) flagged a provider's strategy that claims safe publication",
                        verdicts.tool())
                .extracting(v -> v.strategy() + ": " + v.note())
                .isEmpty();
    }

    @Test
    void thePublicationControlsAreCaughtReadThisWayToo() {
        for (Strategy s : Strategy.brokenControls()) {
            if (s.available() && s.violates().contains(Guarantee.SAFE_PUBLICATION)
                    && !s.knownBlindSpots().contains(Guarantee.SAFE_PUBLICATION)) { // a provider's control may say so
                StaticVerdict v = verdicts.find(s.name()).orElseThrow();
                assertThat(v.verdict()).as("%s: %s", s, v.note()).isEqualTo(VerdictKind.CAUGHT);
            }
        }
    }

    @Test
    void everyProvidedPassIsDiscriminating() {
        assertThat(verdicts.verdicts()).filteredOn(v -> v.verdict() == VerdictKind.PASS)
                .allSatisfy(v -> assertThat(v.strength()).as(v.strategy()).isEqualTo(Strength.DISCRIMINATING));
    }
}
