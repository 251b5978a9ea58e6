package dev.lazyinit.report;

import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the sections read: the inputs, the measurements of every JDK and of the report's main JDK (the newest the
 * forks ran on), and the decision guide's answers.
 *
 * @param inputs the folder's files
 * @param all every row, on every JDK
 * @param main the newest JDK's measurements: every section but the JDK comparison
 * @param byJdk each JDK's measurements, oldest first
 * @param guide the decisions
 */
record Context(Inputs inputs, Measurements all, Measurements main, List<Measurements> byJdk, Guide guide) {

    /**
     * @param inputs a results folder's files
     * @return the measurements and decisions made from them
     */
    static Context of(Inputs inputs) {
        Measurements all = new Measurements(inputs.results(), inputs.strategies());
        List<Measurements> byJdk = inputs.results().jdks().stream()
                .map(j -> new Measurements(inputs.results().onJdk(j), inputs.strategies())).toList();
        Measurements main = byJdk.size() > 1 ? byJdk.get(byJdk.size() - 1) : all;
        Guide guide = Decide.guide(main, byJdk, inputs.verdicts(), inputs.staticVerdicts(),
                inputs.virtualThreads());
        return new Context(inputs, all, main, byJdk, guide);
    }

    /** @return the feature releases of the JDKs the forks ran on, oldest first */
    List<Integer> jdks() {
        return byJdk.stream().map(Measurements::jdk).toList();
    }

    /** @return every strategy measured on any JDK, in registry order */
    List<Strategy> strategiesOnAnyJdk() {
        return all.strategies();
    }

    /**
     * @param field a value of the environment
     * @return it as text, or "unknown" when the folder has no environment or the value is missing
     */
    String env(Function<Environment, Object> field) {
        return inputs.environment().map(field).map(String::valueOf).orElse("unknown");
    }

    /** @return the environment's value, if any: for optional remarks */
    Optional<Environment> environment() {
        return inputs.environment();
    }
}
