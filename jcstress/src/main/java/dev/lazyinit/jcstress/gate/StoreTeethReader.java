package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.Teeth.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the store tests' rows of the teeth table, through the {@link Codec}, for the gate to judge beside its own.
 * A class of its own because reading is where "the store tests did not run" (excused) must be told apart from
 * "their file cannot be read" (not excused), and that difference is what {@link TeethInput#excused()} carries into
 * the judgement.
 */
final class StoreTeethReader {

    private StoreTeethReader() {
    }

    /**
     * Reads every {@code *.json} in the folder, each a {@link Teeth} file (one for the whole store build, or one per
     * test class), in file name order.
     *
     * @param dir the folder, or {@code null} if the gate was not given one
     * @return the rows, or why there are none
     */
    static TeethInput<List<Row>> read(Path dir) {
        if (dir == null) {
            return TeethInput.missing("not given (--store-teeth): the store rows cannot be judged", true);
        }
        dir = dir.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return TeethInput.missing("cannot list " + dir + ": " + e.getMessage(), false);
        }
        if (files.isEmpty()) {
            return TeethInput.missing("no teeth files (*.json) in " + dir + ": the store tests did not run (for"
                    + " example -DskipTests), so the store rows cannot be judged here", true);
        }
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            try {
                rows.addAll(Codec.read(f, Teeth.class, Teeth.FORMAT).rows());
            } catch (IOException e) {
                return TeethInput.missing("cannot read " + f + ": " + e.getMessage(), false);
            }
        }
        return TeethInput.of(rows, rows.size() + " rows from " + files.size() + " file(s) in " + dir);
    }
}
