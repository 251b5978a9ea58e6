package dev.lazyinit.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JCStress verdicts file the {@code jcstress} module writes ({@code jcstress/target/jcstress-verdicts.json}):
 * one verdict per strategy and property.
 *
 * @param mode the JCStress mode it ran in
 * @param jvm the JVM it ran on
 * @param generatedAt when
 * @param verdicts the verdicts
 */
public record Verdicts(String mode, String jvm, String generatedAt, List<Verdict> verdicts) {

    /** The properties, in the order the report shows them. */
    public static final List<String> PROPERTIES = List.of(
            "publication", "exactly-once", "same-instance", "failure-then-access", "close-vs-get", "holder-race");

    /**
     * One verdict.
     *
     * @param strategy a {@code Strategy} enum name
     * @param property one of {@link #PROPERTIES}
     * @param verdict PASS, FAIL, CAUGHT, NOT_OBSERVED or N/A
     * @param samples how many samples it rests on
     * @param test the JCStress test
     * @param note a remark
     */
    public record Verdict(String strategy, String property, String verdict, long samples, String test, String note) {
    }

    /**
     * @param json the parsed file
     * @return the verdicts
     */
    @SuppressWarnings("unchecked")
    public static Verdicts from(Object json) {
        Map<String, Object> m = (Map<String, Object>) json;
        List<Verdict> list = new ArrayList<>();
        Object vs = m.get("verdicts");
        if (vs instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> v = (Map<String, Object>) o;
                Object samples = v.get("samples");
                list.add(new Verdict(str(v.get("strategy")), str(v.get("property")), str(v.get("verdict")),
                        samples instanceof Number n ? n.longValue() : 0, str(v.get("test")), str(v.get("note"))));
            }
        }
        return new Verdicts(str(m.get("mode")), str(m.get("jvm")), str(m.get("generatedAt")), list);
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /**
     * @param strategy a strategy name
     * @param property a property
     * @return its verdict, if the file has one
     */
    public Optional<Verdict> find(String strategy, String property) {
        return verdicts.stream().filter(v -> v.strategy().equals(strategy) && v.property().equals(property))
                .findFirst();
    }

    /** @return the properties present, known ones first */
    public List<String> properties() {
        List<String> props = new ArrayList<>();
        PROPERTIES.stream().filter(p -> verdicts.stream().anyMatch(v -> v.property().equals(p))).forEach(props::add);
        verdicts.stream().map(Verdict::property).filter(p -> !props.contains(p)).distinct().forEach(props::add);
        return props;
    }
}
