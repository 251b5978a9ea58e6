package dev.lazyinit.jcstress.gate;

import java.util.Optional;

/**
 * What one layer gave the teeth table: its rows, or why there are none. Kept apart from the rows themselves
 * because a missing layer is judged by why it is missing: a layer that did not run here, or was not given, is
 * excused ({@link TeethTable.Result#NOT_JUDGED}); one that should have been read and was not is held against the
 * suite.
 *
 * @param rows its rows, if it gave any
 * @param source where they came from, or why there are none
 * @param excused whether missing rows can be excused (the layer did not run, or was not given), rather than
 *        held against the suite
 * @param <T> what the layer gives: its verdicts file, or its rows
 */
record TeethInput<T>(Optional<T> rows, String source, boolean excused) {

    static <T> TeethInput<T> of(T rows, String source) {
        return new TeethInput<>(Optional.of(rows), source, false);
    }

    static <T> TeethInput<T> missing(String why, boolean excused) {
        return new TeethInput<>(Optional.empty(), why, excused);
    }
}
