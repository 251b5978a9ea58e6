package dev.lazyinit.jmh;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.jmh.BenchSupport.ServerView;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Strategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * LazyInit_01_ColdFirstAccess: what the first get() on a cold holder costs, next to creating the store with no
 * holder at all.
 *
 * The pitfall. A cold first access happens once per holder, so it is a single shot of tens of milliseconds (a
 * HikariCP pool connecting to PostgreSQL, SCRAM authentication, the schema ensured), while what a holder adds to
 * it (a lock, a CAS, a class initialization) is microseconds. Measured the usual JMH way, one @Param combination
 * per fork, one after the other, the baseline first, that microsecond difference is buried under everything that
 * changes between forks: the machine's other load coming and going, each fork's own JIT warm-up (still under
 * way after 5 warm-up shots: a fork's first measured shots take two to three times its last ones), the server's
 * state. Such a run put 11 of 12 strategies below the baseline they all contain (down to 0.74x); the same
 * baseline measured three times in one such run read 0.92x and 1.22x of itself. The differences were the
 * forks' places in the run, not the strategies.
 *
 * The benchmark. Every subject is measured in the same fork, interleaved: each single-shot iteration measures
 * one subject, chosen by @Setup(Level.Iteration) from a schedule of rounds, every round a fresh shuffle of all
 * subjects (seeded by the 'seed' parameter, so the order is recorded and can be replayed). A round measures
 * every subject once, so whatever drifts during the fork lands on all of them alike. Before the next shot,
 * @TearDown(Level.Iteration) closes what the shot created and waits until pg_stat_activity shows none of its
 * connections: each shot starts on a server that is not still reaping the previous one's backends (the wait
 * reads through one connection opened once per trial, so looking adds no connection of its own).
 *
 * The subjects. baseline: the store created by the factory itself, with no holder: the irreducible cost.
 * baseline_again: the very same code under a second name, scheduled like every other subject (an A/A
 * control): its ratio to baseline is what this run cannot tell apart from 1.00, the resolution against which
 * every strategy's ratio must be read. one_connection: one JDBC connection opened with the store's settings, no
 * pool: the physical limit, since a store's creation opens at least one (HikariCP opens its first connection
 * before the constructor returns); how far the baseline lies above it is what the pool and the schema cost. Then one subject per strategy of the registry that this JVM can build: a
 * brand-new cold holder, whose first get() calls the same factory. The holder idiom loads a fresh copy of its
 * class per holder, so each of its shots is a real first class initialization.
 *
 * Reading the results. JMH's row is LazyInit_01_ColdFirstAccess.firstAccess; its primary score pools every
 * subject and means nothing by itself. The PerSubject profiler (-prof dev.lazyinit.jmh.PerSubject; ./bench adds
 * it) files every shot under its subject: secondary metrics 'baseline', 'baseline_again' and one per strategy
 * name, each with all its shots in rawData. Single shots are skewed by stragglers (GC, the other core's load),
 * so compare medians and their spread, not means.
 *
 * What to expect. baseline_again equal to baseline within the run's resolution, and every strategy within
 * that resolution of the baseline too: a single thread pays microseconds of bookkeeping on top of milliseconds of
 * creation. A strategy clearly outside it while the A/A control is not would be a finding; one inside it is
 * the expected result.
 *
 * How to run it.
 *   java -jar jmh/target/benchmarks.jar LazyInit_01 -prof dev.lazyinit.jmh.PerSubject
 * (each fork then starts its own embedded PostgreSQL; ./bench shares one server across forks). Every strategy
 * this JVM can build is a subject: -p strategy= does not narrow this benchmark, whose whole schedule takes
 * seconds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 280, batchSize = 1)       // about 20 rounds: the JIT is busiest during the first shots
@Measurement(iterations = 1680, batchSize = 1) // about 120 rounds: 120 shots per subject, for medians and spreads
@Fork(1)
public class LazyInit_01_ColdFirstAccess {

    /** The name of the no-holder subject. */
    public static final String BASELINE = "baseline";
    /** The name of its A/A twin: the same code, scheduled as a subject of its own. */
    public static final String BASELINE_AGAIN = "baseline_again";

    /**
     * The name of the physical limit: opening one JDBC connection with the store's settings, no pool. Creating a
     * store opens at least that (HikariCP opens its first connection before the constructor returns), so no
     * strategy's first get() can beat it.
     */
    public static final String ONE_CONNECTION = "one_connection";

    /** One subject of the schedule: a baseline (no strategy) or a strategy. */
    record Subject(String name, Strategy strategy) {
    }

    /**
     * @return the subjects of a schedule on this JVM: the baseline, its A/A twin and every strategy it can build
     */
    static List<Subject> subjects() {
        return Stream.concat(Stream.of(new Subject(BASELINE, null), new Subject(BASELINE_AGAIN, null),
                        new Subject(ONE_CONNECTION, null)),
                BenchSupport.buildable().stream().map(s -> new Subject(s.name(), s))).toList();
    }

    /**
     * @param rounds how many times every subject is to be measured
     * @return the single-shot iterations that takes on this JVM (one round measures every subject once)
     */
    public static int shots(int rounds) {
        return rounds * subjects().size();
    }

    /** The schedule, and the subject of the current shot: its factory and, for a strategy, its cold holder. */
    @State(Scope.Thread)
    public static class Schedule {

        /** Seeds the shuffle of every round: the same seed and subjects give the same order. */
        @Param("1")
        public long seed;

        private List<Subject> subjects;
        private Random random;
        private final Deque<Subject> round = new ArrayDeque<>();
        private ServerView server;

        Subject subject;
        RecordingStoreFactory factory;
        Lazy<PostgresStore> holder;
        Connection connection; // the one-connection subject's

        @Setup(Level.Trial)
        public void plan() throws SQLException {
            subjects = subjects();
            random = new Random(seed);
            server = ServerView.open();
            System.out.println("Interleaving " + subjects.size() + " subjects, rounds shuffled with seed " + seed
                    + ": " + subjects.stream().map(Subject::name).collect(Collectors.joining(", ")));
        }

        @TearDown(Level.Trial)
        public void closeServerView() throws SQLException {
            server.close();
        }

        @Setup(Level.Iteration)
        public void nextSubject() {
            if (round.isEmpty()) {
                List<Subject> shuffled = new ArrayList<>(subjects);
                Collections.shuffle(shuffled, random);
                round.addAll(shuffled);
            }
            subject = round.poll();
            factory = BenchSupport.factory("cold"); // every subject: the same factory, a fresh pool name
            holder = subject.strategy() == null ? null : subject.strategy().newHolder(factory); // idiom: new class
            PerSubject.next(subject.name());
        }

        /**
         * Closes what the shot created and waits until the server has let go of its connections, so that the
         * next shot, whichever subject it measures, starts on a quiet server.
         */
        @TearDown(Level.Iteration)
        public void closeAndSettle() throws SQLException {
            int calls = factory.calls();
            if (holder != null) {
                holder.close();
            }
            if (connection != null) {
                connection.close();
                connection = null;
            }
            factory.closeAll();
            if (calls != (subject.name().equals(ONE_CONNECTION) ? 0 : 1)) {
                throw new IllegalStateException(subject.name() + ": one cold access called the factory " + calls
                        + " times");
            }
            server.awaitGone(factory.config().applicationName(), Duration.ofSeconds(10));
        }

        Object firstAccess() throws SQLException {
            if (subject.name().equals(ONE_CONNECTION)) {
                connection = BenchSupport.openConnection(factory.config());
                return connection;
            }
            return holder == null ? factory.get() : holder.get();
        }
    }

    /*
     * One shot of the schedule: the baseline's creation with no holder, or a cold holder's first get(), which
     * calls the same factory once. Returning the store keeps JMH from treating the work as dead.
     */
    @Benchmark
    public Object firstAccess(Schedule schedule) throws SQLException {
        return schedule.firstAccess();
    }
}
