package dev.lazyinit.report;

import dev.lazyinit.report.JmhResults.Row;

/**
 * Every benchmark method the report reads, named once: its class and its method, as results.json names them. The
 * report reads results, not the benchmarks, so it names their classes by name; the jmh module's
 * {@code BenchNamesTest} holds each name to a {@code @Benchmark} method of the class it names, so a renamed
 * benchmark method fails there, not in a report that silently shows "—".
 */
enum Bench {

    /**
     * Creating the store with no holder: the cold baseline. Like every cold subject it is a secondary result
     * ({@code baseline}) of the one interleaved cold benchmark, {@code firstAccess}.
     */
    COLD_BASELINE(Names.COLD, "firstAccess"),
    /** The cold baseline again under a second name ({@code baseline_again}): the cold family's A/A control. */
    COLD_BASELINE_AGAIN(Names.COLD, "firstAccess"),
    /** One JDBC connection opened with the store's settings, no pool: the cold start's physical limit. */
    COLD_ONE_CONNECTION(Names.COLD, "firstAccess"),
    /** A cold holder's first {@code get()}: the secondary result named after the strategy. */
    FIRST_GET(Names.COLD, "firstAccess"),
    /** Reading a store from a plain final field, 1 thread: the steady-state baseline. */
    FIELD_READ(Names.STEADY, "baseline"),
    /** The same with 2 threads. */
    FIELD_READ_2_THREADS(Names.STEADY, "baseline_2threads"),
    /** The field read again under a second name: the steady-state A/A control, 1 thread. */
    FIELD_READ_AGAIN(Names.STEADY, "baseline_again"),
    /** The same with 2 threads. */
    FIELD_READ_2_THREADS_AGAIN(Names.STEADY, "baseline_2threads_again"),
    /**
     * The inline floor: a plain field read plus the null check no lazy holder avoids, written into the benchmark
     * method itself, 1 thread. It skips the call the strategies are measured through.
     */
    FLOOR(Names.STEADY, "floor"),
    /** The same with 2 threads. */
    FLOOR_2_THREADS(Names.STEADY, "floor_2threads"),
    /** The floor twin: the floor's work behind the strategies' own call path ({@code Lazy.get()}), 1 thread. */
    FLOOR_TWIN(Names.STEADY, "floorTwin"),
    /** The same with 2 threads. */
    FLOOR_TWIN_2_THREADS(Names.STEADY, "floorTwin_2threads"),
    /** The dispatch control: the floor twin behind a call site that has seen several receiver classes. */
    FLOOR_TWIN_POLLUTED(Names.STEADY, "floorTwin_polluted"),
    /** {@code SELECT 1} on a store in a final field: the query baseline of results made before the ping twin. */
    PING(Names.STEADY, "baselinePing"),
    /** {@code SELECT 1} through the floor twin: the strategies' store, pool and call path with no holder's work. */
    PING_TWIN(Names.STEADY, "pingTwin"),
    /** The ping twin again under a second name: the query's A/A control (how much forks differ). */
    PING_TWIN_AGAIN(Names.STEADY, "pingTwin_again"),
    /** {@code get()} on a warm holder, 1 thread. */
    GET(Names.STEADY, "get"),
    /** The same with 2 threads. */
    GET_2_THREADS(Names.STEADY, "get_2threads"),
    /** {@code get().ping()} on a warm holder. */
    GET_AND_PING(Names.STEADY, "getAndPing"),
    /** N threads released together onto one cold holder. */
    STAMPEDE(Names.STAMPEDE, "stampede"),
    /** The same N threads released the same way with no holder: one of them creates the store, once. */
    STAMPEDE_BASELINE(Names.STAMPEDE, "baseline"),
    /** The stampede baseline again under a second name: the stampede's A/A control. */
    STAMPEDE_BASELINE_AGAIN(Names.STAMPEDE, "baseline_again");

    /** The JMH parameter naming the strategy. */
    static final String STRATEGY = "strategy";
    /** The stampede's JMH parameter naming the number of racing threads. */
    static final String THREADS = "threads";

    private final String benchmarkClass;
    private final String method;

    Bench(String benchmarkClass, String method) {
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    /** @return the binary name of the class that declares the benchmark */
    String benchmarkClass() {
        return benchmarkClass;
    }

    /**
     * @return for a cold subject, the name of its secondary result in the interleaved cold benchmark where it is not a
     *         strategy's: the baseline, its A/A twin, the one connection (the first {@code get()} reads the baseline's)
     */
    String subject() {
        return switch (this) {
            case COLD_BASELINE_AGAIN -> "baseline_again";
            case COLD_ONE_CONNECTION -> "one_connection";
            default -> "baseline";
        };
    }

    /** @return whether its results are the subjects of the interleaved cold benchmark (secondary results) */
    boolean coldSubject() {
        return this == COLD_BASELINE || this == COLD_BASELINE_AGAIN || this == COLD_ONE_CONNECTION
                || this == FIRST_GET;
    }

    /** @return what a steady-state ratio against this baseline is called: "floor twin", "floor", "field read" */
    String against() {
        return switch (this) {
            case FLOOR_TWIN, FLOOR_TWIN_2_THREADS -> "floor twin";
            case FLOOR, FLOOR_2_THREADS -> "floor";
            default -> "field read";
        };
    }

    /** @return whether only results of older versions hold it (the report still reads them) */
    boolean legacy() {
        return this == PING;
    }

    /** @return the benchmark method's name */
    String method() {
        return method;
    }

    /**
     * @param row a result
     * @return whether it is a result of this benchmark
     */
    boolean matches(Row row) {
        return row.benchmark().equals(benchmarkClass + "." + method);
    }

    /** The benchmark classes, by the names results.json gives them. */
    static final class Names {
        /** The cold first access, every subject interleaved in one benchmark. */
        static final String COLD = "dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess";
        /** The steady state of a warm holder. */
        static final String STEADY = "dev.lazyinit.jmh.LazyInit_02_SteadyState";
        /** N threads onto one cold holder. */
        static final String STAMPEDE = "dev.lazyinit.jmh.LazyInit_03_ColdStampede";

        private Names() {
        }

        /**
         * @param className a benchmark class's binary name
         * @return its simple name, as a result's {@code className()} gives it
         */
        static String simple(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** The stampede's per-trial counts: JMH aux counters, the public fields of its counter state. */
    enum Counter {
        /** Pools (stores) the factory opened. */
        POOLS("pools"),
        /** Pools still open once every thread held a store. */
        LEFT_OPEN("leftOpen"),
        /** Different stores handed to the threads. */
        DISTINCT("distinct"),
        /** The sampled peak of server connections for the trial's pools. */
        PEAK_CONNECTIONS("peakConnections");

        private final String field;

        Counter(String field) {
            this.field = field;
        }

        /** @return the counter's field name, which names its secondary metric in results.json */
        String field() {
            return field;
        }
    }
}
