package dev.lazyinit.harness.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JCStress gate's verdicts, one per strategy and property: what the jcstress module hands to the report.
 *
 * @param format {@link #FORMAT}
 * @param mode the JCStress mode and settings it ran with
 * @param jvm the JVM the gate ran on (vendor and version)
 * @param arch the processor architecture ({@code os.arch})
 * @param os the operating system
 * @param generatedAt when (ISO-8601)
 * @param commit the suite's commit the gate ran from ({@code git rev-parse --short HEAD}), or {@code null} where it
 *        is not known: no git, not run from a checkout, a merge of several runs, or a file written before the gate
 *        recorded it (an optional field, so the format stays {@code lazyinit-verdicts/2})
 * @param verdicts the verdicts, in registry order
 */
public record ProofVerdicts(String format, String mode, String jvm, String arch, String os, String generatedAt,
                            String commit, List<ProofVerdict> verdicts) implements Versioned {

    /** The format this build writes and reads. */
    /** The format this build writes and reads: 2 added each verdict's strength, 3 its reason as a field. */
    public static final String FORMAT = "lazyinit-verdicts/3";

    public ProofVerdicts {
        verdicts = List.copyOf(verdicts);
    }

    /** Verdicts whose commit is not known ({@code commit} {@code null}). */
    public ProofVerdicts(String format, String mode, String jvm, String arch, String os, String generatedAt,
                         List<ProofVerdict> verdicts) {
        this(format, mode, jvm, arch, os, generatedAt, null, verdicts);
    }

    /**
     * One verdict.
     *
     * @param strategy a strategy name
     * @param property the property proven
     * @param verdict what the proof concluded
     * @param strength for a PASS, whether a control that breaks the same property was CAUGHT by the same proof in
     *        the same results ({@link #withStrength}); {@link Strength#NONE} for any other verdict
     * @param samples how many samples it rests on
     * @param test the JCStress test
     * @param observed how often each outcome id was seen, in outcome id order
     * @param note what the proof saw, as a person reads it
     * @param strengthReason why the strength is what it is, where that needs saying ("undiscriminated: no control
     *        that breaks ... was caught here", "discriminating through the static layer, ..."); empty otherwise.
     *        A field of its own, so that judging the strength again (over merged runs, with the layers) replaces it
     *        instead of reading it back out of the note
     */
    public record ProofVerdict(String strategy, Property property, VerdictKind verdict, Strength strength,
                               long samples, String test, Map<String, Long> observed, String note,
                               String strengthReason) {
        public ProofVerdict {
            strength = strength == null ? Strength.NONE : strength;
            observed = Collections.unmodifiableMap(new TreeMap<>(observed));
            strengthReason = strengthReason == null ? "" : strengthReason;
        }

        /** A verdict whose strength is not judged yet ({@link #withStrength} judges it). */
        public ProofVerdict(String strategy, Property property, VerdictKind verdict, long samples, String test,
                            Map<String, Long> observed, String note) {
            this(strategy, property, verdict, Strength.NONE, samples, test, observed, note, "");
        }

        /** @return the same verdict with this strength, for this reason */
        ProofVerdict judged(Strength judged, String reason) {
            return new ProofVerdict(strategy, property, verdict, judged, samples, test, observed, note, reason);
        }

        /** @return the note and the strength's reason, as the gate prints them */
        public String remark() {
            return strengthReason.isEmpty() ? note : note + "; " + strengthReason;
        }

        /** @return the verdict as tables show it: {@code PASS}, {@code PASS (undiscriminated)}, {@code CAUGHT}... */
        public String shown() {
            return strength.shown(verdict);
        }
    }

    /**
     * Judges the strength of every PASS: {@link Strength#DISCRIMINATING} when a control that breaks the same
     * property was CAUGHT in these verdicts (a verdict of a broken control's proof: CAUGHT or NOT_OBSERVED),
     * {@link Strength#UNDISCRIMINATED} otherwise, with its reason. Over verdicts merged from several
     * machines, one machine that caught the control is enough.
     *
     * @param verdicts verdicts of one run, or of several merged
     * @return the same verdicts with their strength
     */
    public static List<ProofVerdict> withStrength(List<ProofVerdict> verdicts) {
        List<ProofVerdict> judged = new ArrayList<>();
        for (ProofVerdict v : verdicts) {
            if (v.verdict() != VerdictKind.PASS) {
                judged.add(v.judged(Strength.NONE, ""));
                continue;
            }
            List<ProofVerdict> controls = verdicts.stream().filter(c -> c.property() == v.property()
                    && (c.verdict() == VerdictKind.CAUGHT || c.verdict() == VerdictKind.NOT_OBSERVED)).toList();
            boolean caught = controls.stream().anyMatch(c -> c.verdict() == VerdictKind.CAUGHT);
            String why = controls.isEmpty()
                    ? "no control breaks " + v.property().id() + " in this proof"
                    : "no control that breaks " + v.property().id() + " was caught here ("
                            + String.join(", ", controls.stream().map(c -> c.strategy() + " "
                                    + c.verdict().label()).distinct().toList()) + ")";
            judged.add(caught ? v.judged(Strength.DISCRIMINATING, "")
                    : v.judged(Strength.UNDISCRIMINATED, "undiscriminated: " + why));
        }
        return judged;
    }

    /**
     * Takes the layers that do not depend on the hardware into a publication PASS's strength: a JCStress PASS of
     * {@link Property#PUBLICATION} that is undiscriminated (on x86 the proof never catches its controls) becomes
     * {@link Strength#DISCRIMINATING} where a layer that caught a publication control in the same run also passed
     * the strategy (its own PASS is discriminating), and its reason says which layer carries it.
     *
     * @param verdicts verdicts whose strength is judged ({@link #withStrength})
     * @param layers the static and dynamic layers' verdicts, each under its layer (the note names it by its
     *        {@link Layer#id()}, in {@link Layer} order)
     * @return the same verdicts, publication PASSes upgraded where a layer shows they could have failed
     */
    public static List<ProofVerdict> withLayers(List<ProofVerdict> verdicts, Map<Layer, StaticVerdicts> layers) {
        List<ProofVerdict> judged = new ArrayList<>();
        for (ProofVerdict v : verdicts) {
            if (v.property() != Property.PUBLICATION || v.verdict() != VerdictKind.PASS
                    || v.strength() != Strength.UNDISCRIMINATED) {
                judged.add(v);
                continue;
            }
            List<String> carriers = Arrays.stream(Layer.values()).filter(layer -> layers.containsKey(layer)
                    && layers.get(layer).find(v.strategy())
                            .filter(l -> l.verdict() == VerdictKind.PASS && l.strength() == Strength.DISCRIMINATING)
                            .isPresent()).map(Layer::id).toList();
            judged.add(carriers.isEmpty() ? v : v.judged(Strength.DISCRIMINATING, "discriminating through the "
                    + String.join(" and ", carriers) + " layer" + (carriers.size() > 1 ? "s" : "")
                    + ", which caught a publication control in this run and passed this strategy (this proof alone"
                    + " caught none here)"));
        }
        return judged;
    }

    /**
     * @param strategy a strategy name
     * @param property a property
     * @return its verdict, if the file has one
     */
    public Optional<ProofVerdict> find(String strategy, Property property) {
        return verdicts.stream().filter(v -> v.strategy().equals(strategy) && v.property() == property).findFirst();
    }

    /** @return the properties present, in {@link Property} order */
    public List<Property> properties() {
        return java.util.Arrays.stream(Property.values())
                .filter(p -> verdicts.stream().anyMatch(v -> v.property() == p)).toList();
    }
}
