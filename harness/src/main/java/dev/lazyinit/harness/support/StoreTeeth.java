package dev.lazyinit.harness.support;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store layer's rows of the teeth table: for each broken control that a store test must catch, what that test
 * saw. Several test classes contribute; every row is written at once to {@link #FILE} (one file for the whole run,
 * rows sorted by guarantee and control), which the JCStress gate reads beside its own rows.
 *
 * <p>A test records its row <b>before</b> it asserts the control was caught, so a control that slipped through is
 * in the file as NOT_OBSERVED as well as a failing test. The file holds this run's rows only: it is deleted when
 * the run starts ({@link TeethRun}) and rewritten whole, under one lock, on every row, so test methods that run
 * concurrently cannot lose each other's rows, and a reader never sees half a file. A check that did not run has no
 * row, which the gate must treat as not caught.
 */
public final class StoreTeeth {

    /** The layer these rows speak for. */
    public static final Layer LAYER = Layer.STORE;

    /** Where the rows go, relative to the module whose tests write them (the tests' working folder). */
    public static final Path FILE = ResultsLayout.STORE_TEETH.resolve("store-teeth.json");

    private static final Map<String, Teeth.Row> ROWS = new LinkedHashMap<>(); // guarded by StoreTeeth.class
    private static boolean started;                                            // guarded by StoreTeeth.class

    private StoreTeeth() {
    }

    /**
     * Records what a check saw of one control, and rewrites the file.
     *
     * @param guarantee the guarantee the control violates, which the check tests
     * @param control the broken control
     * @param check the test that must catch it, {@code TestClass.method}
     * @param caught whether the check showed the violation
     * @param samples how many trials the check ran
     * @param observed what it saw, in words
     * @return the row written
     * @throws IllegalArgumentException if the control does not exist to violate that guarantee, or another check
     *         already recorded a row for the same guarantee and control in this layer
     */
    public static synchronized Teeth.Row record(Guarantee guarantee, Strategy control, String check, boolean caught,
                                                long samples, String observed) {
        if (!control.violates().contains(guarantee)) {
            throw new IllegalArgumentException(control + " does not exist to violate " + guarantee
                    + " (it violates " + control.violates() + "): no teeth row for that pair");
        }
        String key = guarantee + " " + control;
        Teeth.Row previous = ROWS.get(key);
        if (previous != null && !previous.check().equals(check)) {
            throw new IllegalArgumentException("one row per guarantee, control and layer: " + key + " is already"
                    + " recorded by " + previous.check() + ", not " + check);
        }
        Teeth.Row row = new Teeth.Row(guarantee, control.name(), LAYER, check,
                caught ? VerdictKind.CAUGHT : VerdictKind.NOT_OBSERVED, samples, observed);
        started = true; // a run that records before any class started keeps this row
        ROWS.put(key, row);
        write();
        return row;
    }

    /** @return the rows recorded in this run so far, sorted by guarantee and control */
    public static synchronized List<Teeth.Row> rows() {
        return ROWS.values().stream()
                .sorted(Comparator.comparing(Teeth.Row::guarantee)
                        .thenComparing(r -> Strategy.valueOf(r.control())))
                .toList();
    }

    /**
     * Forgets the last run's file, the first time it is called in this JVM (when the run starts); does nothing after
     * that. A row recorded before it would be kept.
     */
    static synchronized void startRunOnce() {
        if (started) {
            return;
        }
        started = true;
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the last run's " + FILE, e);
        }
    }

    private static void write() {
        Path partial = FILE.resolveSibling(FILE.getFileName() + ".partial");
        try {
            Codec.write(partial, new Teeth(Teeth.FORMAT, Instant.now().toString(), rows()));
            Files.move(partial, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
