package dev.lazyinit.jmh.runner;

import dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess;
import dev.lazyinit.jmh.LazyInit_02_SteadyState;
import dev.lazyinit.jmh.LazyInit_03_ColdStampede;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.options.TimeValue;

/** The profiles: quick (11 to 12 minutes on 2 cores), full (publishable), smoke (the build's test). */
public enum Profile {
    QUICK, FULL, SMOKE;

    /**
     * The settings of one part in one profile.
     *
     * @param forks JMH forks per entry in one round
     * @param rounds how many times JMH runs the whole part, each entry's forks of every round then read as one
     *        result (the forks of one entry a round apart, not back to back)
     * @param warmups warm-up iterations
     * @param warmupTime the time of one warm-up iteration, or none for single shots
     * @param measurements measured iterations
     * @param measurementTime the time of one measured iteration, or none for single shots
     * @param params JMH parameters
     */
    record Settings(int forks, int rounds, int warmups, TimeValue warmupTime, int measurements,
                    TimeValue measurementTime, Map<String, String[]> params) {

        Settings(int forks, int warmups, TimeValue warmupTime, int measurements, TimeValue measurementTime,
                 Map<String, String[]> params) {
            this(forks, 1, warmups, warmupTime, measurements, measurementTime, params);
        }
    }

    /**
     * One run of JMH: a benchmark class, or some of its methods.
     *
     * @param benchmark the class
     * @param what the part in words, for the log
     * @param methods its benchmark methods this part runs; empty: all of them
     */
    record Part(Class<?> benchmark, String what, Set<String> methods) {

        Part(Class<?> benchmark, String what) {
            this(benchmark, what, Set.of());
        }

        /**
         * @param method a benchmark method of this part's class
         * @return whether this part runs it
         */
        boolean runs(String method) {
            return methods.isEmpty() || methods.contains(method);
        }
    }

    /**
     * The steady state's 1-thread column, which the decision guide ranks: the strategies' {@code get()}, the A/A
     * pair, the floor twin and its inline and polluted variants. This machine has slow stretches (seconds at a time at
     * about 1.7×, every entry that runs then, other load on the same core), which one fork per entry cannot tell from
     * its strategy's cost; this column runs three forks even in the quick profile, in three rounds (one fork of every
     * entry per round, so an entry's forks are a round apart), and the report reads each entry at its fastest fork.
     */
    static final Set<String> RANKED_COLUMN = Set.of("get", "baseline", "baseline_again", "floor", "floorTwin",
            "floorTwin_polluted");

    /** The parts, in the order they run. */
    static final List<Part> PARTS = List.of(
            new Part(LazyInit_01_ColdFirstAccess.class, "first access, cold"),
            new Part(LazyInit_02_SteadyState.class, "steady state, 1 thread", RANKED_COLUMN),
            new Part(LazyInit_02_SteadyState.class, "steady state, 2 threads and the query",
                    benchmarkMethods(LazyInit_02_SteadyState.class).stream()
                            .filter(m -> !RANKED_COLUMN.contains(m)).collect(Collectors.toUnmodifiableSet())),
            new Part(LazyInit_03_ColdStampede.class, "cold stampede"));

    /**
     * @param benchmark a benchmark class
     * @return the names of its {@code @Benchmark} methods
     */
    static Set<String> benchmarkMethods(Class<?> benchmark) {
        return Arrays.stream(benchmark.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** @return its name on the command line: quick, full, smoke */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    Settings settings(Part part) {
        Class<?> benchmark = part.benchmark();
        boolean singleShot = benchmark != LazyInit_02_SteadyState.class;
        Map<String, String[]> params = new LinkedHashMap<>();
        if (benchmark == LazyInit_03_ColdStampede.class) {
            // Quick: the smallest stampede and the one the decision guide cites; full: the middle one too.
            params.put("threads", switch (this) {
                case SMOKE -> new String[] {"2"};
                case QUICK -> new String[] {"2", "64"};
                case FULL -> new String[] {"2", "8", "64"};
            });
        }
        TimeValue none = TimeValue.NONE;
        if (benchmark == LazyInit_01_ColdFirstAccess.class) {
            // Every subject in one fork, interleaved, counted in rounds (one shot of every subject per round).
            // 20 rounds of warm-up: the JIT compiles most during the first few hundred shots (the driver, the
            // pool, SCRAM), and keeps at it for longer; every round meets it alike. 120 rounds measured take about as long as the 13 forks of 35 shots this replaced
            // (under a minute and a half on 2 cores) and give every subject four times as many shots.
            return switch (this) {
                case QUICK -> new Settings(1, LazyInit_01_ColdFirstAccess.shots(20), none,
                        LazyInit_01_ColdFirstAccess.shots(120), none, params);
                case FULL -> new Settings(3, LazyInit_01_ColdFirstAccess.shots(20), none,
                        LazyInit_01_ColdFirstAccess.shots(200), none, params);
                case SMOKE -> new Settings(0, 0, none, LazyInit_01_ColdFirstAccess.shots(1), none, params);
            };
        }
        return switch (this) {
            // Steady state, quick: short iterations, many of them. JMH's error is a 99.9 % Student-t interval over
            // the iterations: with 3 it is 31.6 standard errors wide, with 8 it is 5.4, with 10 it is 4.8, which is
            // what lets a quick run resolve a few percent (its A/A pair shows how many). The ranked column runs three
            // forks of 8 × 150 ms in three rounds, read at the fastest fork; the rest one fork of 10 × 150 ms. The JIT has compiled
            // these few-instruction methods well within the first 300 ms warm-up iteration.
            case QUICK -> singleShot
                    ? new Settings(1, 2, none, 10, none, params)
                    : part.methods().equals(RANKED_COLUMN)
                    ? new Settings(1, 3, 2, TimeValue.milliseconds(300), 8, TimeValue.milliseconds(150), params)
                    : new Settings(1, 2, TimeValue.milliseconds(300), 10, TimeValue.milliseconds(150), params);
            case FULL -> singleShot
                    ? new Settings(3, 3, none, 20, none, params)
                    : new Settings(1, 3, 5, TimeValue.seconds(1), 10, TimeValue.seconds(1), params);
            case SMOKE -> singleShot
                    ? new Settings(0, 0, none, 1, none, params)
                    : new Settings(0, 0, TimeValue.milliseconds(50), 1, TimeValue.milliseconds(50), params);
        };
    }
}
