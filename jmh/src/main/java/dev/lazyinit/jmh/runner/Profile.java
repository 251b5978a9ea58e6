package dev.lazyinit.jmh.runner;

import dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess;
import dev.lazyinit.jmh.LazyInit_02_SteadyState;
import dev.lazyinit.jmh.LazyInit_03_ColdStampede;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/** The profiles: quick (about 10 minutes on 2 cores), full (publishable), smoke (the build's test). */
public enum Profile {
    QUICK, FULL, SMOKE;

    /** The settings of one benchmark class in one profile. */
    record Settings(int forks, int warmups, TimeValue warmupTime, int measurements, TimeValue measurementTime,
                    Map<String, String[]> params) {
    }

    /** One benchmark class of the suite. */
    record Part(Class<?> benchmark, String what) {
    }

    /** The benchmark classes, in the order they run. */
    static final List<Part> PARTS = List.of(
            new Part(LazyInit_01_ColdFirstAccess.class, "first access, cold"),
            new Part(LazyInit_02_SteadyState.class, "steady state"),
            new Part(LazyInit_03_ColdStampede.class, "cold stampede"));

    /** @return its name on the command line: quick, full, smoke */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    Settings settings(Class<?> benchmark) {
        boolean singleShot = benchmark != LazyInit_02_SteadyState.class;
        Map<String, String[]> params = new LinkedHashMap<>();
        if (benchmark == LazyInit_03_ColdStampede.class) {
            params.put("threads", this == SMOKE ? new String[] {"2"} : new String[] {"2", "8", "64"});
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
            // Steady state, quick: ten short iterations rather than three long ones, in the same time. JMH's error is a
            // 99.9 % Student-t interval over the iterations: with 3 it is 31.6 standard errors wide, with 10 it is
            // 4.8, which is what lets a quick run resolve a few percent (its A/A pair shows how many).
            case QUICK -> singleShot
                    ? new Settings(1, 2, none, 10, none, params)
                    : new Settings(1, 3, TimeValue.milliseconds(500), 10, TimeValue.milliseconds(300), params);
            case FULL -> singleShot
                    ? new Settings(3, 3, none, 20, none, params)
                    : new Settings(3, 5, TimeValue.seconds(1), 10, TimeValue.seconds(1), params);
            case SMOKE -> singleShot
                    ? new Settings(0, 0, none, 1, none, params)
                    : new Settings(0, 0, TimeValue.milliseconds(50), 1, TimeValue.milliseconds(50), params);
        };
    }
}
