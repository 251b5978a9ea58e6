package dev.lazyinit.harness.contract;

import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.VerdictKind;
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
 * @param verdicts the verdicts, in registry order
 */
public record ProofVerdicts(String format, String mode, String jvm, String arch, String os, String generatedAt,
                            List<ProofVerdict> verdicts) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-verdicts/1";

    public ProofVerdicts {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * One verdict.
     *
     * @param strategy a strategy name
     * @param property the property proven
     * @param verdict what the proof concluded
     * @param samples how many samples it rests on
     * @param test the JCStress test
     * @param observed how often each outcome id was seen, in outcome id order
     * @param note a remark a person reads
     */
    public record ProofVerdict(String strategy, Property property, VerdictKind verdict, long samples, String test,
                               Map<String, Long> observed, String note) {
        public ProofVerdict {
            observed = Collections.unmodifiableMap(new TreeMap<>(observed));
        }
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
