package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.FormatException;
import dev.lazyinit.harness.contract.ProofVerdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts files a merge is given, read, and checked against the runs that must each have delivered one. A run
 * that died before its gate wrote the file, or whose upload failed, leaves no file: the paths given are then one
 * short, and without a list of the expected runs nothing would notice, and the merged table would silently lack a
 * machine. So each expected run is the name of a folder (as a CI download lays out one artifact per folder) that
 * exactly one of the paths must be in, and each path must be in one of them.
 *
 * @param verdicts the files that could be read, in the order given
 * @param problems what is missing, ambiguous or unreadable, each naming the run or file; empty if the inputs are
 *        complete
 */
record MergeInputs(List<ProofVerdicts> verdicts, List<String> problems) {

    MergeInputs {
        verdicts = List.copyOf(verdicts);
        problems = List.copyOf(problems);
    }

    /** @return whether every file could be read and every expected run delivered exactly one */
    boolean complete() {
        return problems.isEmpty();
    }

    /**
     * @param files verdicts files
     * @param expected the runs that must each have delivered one file (folder names), or empty to take the files as
     *        they come
     * @return the files read, and every problem found
     */
    static MergeInputs read(List<Path> files, List<String> expected) {
        List<ProofVerdicts> verdicts = new ArrayList<>();
        Map<Path, String> unreadable = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                verdicts.add(readOne(f));
            } catch (IOException e) {
                unreadable.put(f, e.getMessage());
            }
        }
        List<String> problems = new ArrayList<>();
        if (expected.isEmpty()) {
            unreadable.values().forEach(problems::add);
            return new MergeInputs(verdicts, problems);
        }

        Set<String> runs = new LinkedHashSet<>();
        for (String run : expected) {
            if (run.isBlank()) {
                problems.add("--expect \"" + run + "\" names no run (was the list of runs computed?)");
            } else if (run.contains("/") || run.contains("\\")) {
                problems.add("--expect " + run + " is not a folder name");
            } else if (!runs.add(run)) {
                problems.add("--expect names " + run + " twice");
            }
        }
        Map<String, List<Path>> byRun = new LinkedHashMap<>();
        runs.forEach(r -> byRun.put(r, new ArrayList<>()));
        for (Path f : files) {
            List<String> owners = new ArrayList<>();
            f.normalize().forEach(part -> {
                if (runs.contains(part.toString())) {
                    owners.add(part.toString());
                }
            });
            if (owners.isEmpty()) {
                problems.add(f + " is in none of the expected runs' folders (" + String.join(", ", runs)
                        + "): the list of runs and the files given disagree");
            } else if (owners.size() > 1) {
                problems.add(f + " is in the folders of " + owners.size() + " runs (" + String.join(", ", owners)
                        + ")");
            } else {
                byRun.get(owners.get(0)).add(f);
            }
        }
        Set<Path> explained = new LinkedHashSet<>();
        for (Map.Entry<String, List<Path>> e : byRun.entrySet()) {
            List<Path> of = e.getValue();
            if (of.isEmpty()) {
                problems.add("run " + e.getKey() + " delivered no verdicts file: none of the " + files.size()
                        + " paths given is in a folder of that name (the run failed before its JCStress gate wrote"
                        + " the file, or its upload failed)");
            } else if (of.size() > 1) {
                problems.add("run " + e.getKey() + " has " + of.size() + " verdicts files (" + join(of)
                        + "): one a run");
            } else if (unreadable.containsKey(of.get(0))) {
                problems.add("run " + e.getKey() + ": " + unreadable.get(of.get(0)));
                explained.add(of.get(0));
            }
        }
        unreadable.forEach((f, why) -> {
            if (!explained.contains(f)) {
                problems.add(why);
            }
        });
        return new MergeInputs(verdicts, problems);
    }

    /** Reads one verdicts file, or says in one line why it cannot be used. */
    private static ProofVerdicts readOne(Path f) throws IOException {
        if (!Files.exists(f)) {
            throw new IOException(f + ": no such file");
        }
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": not a file");
        }
        if (!Files.isReadable(f)) {
            throw new IOException(f + ": cannot be read (permissions)");
        }
        if (Files.size(f) == 0) {
            throw new IOException(f + ": empty (the run stopped while its gate was writing it?)");
        }
        ProofVerdicts v;
        try {
            v = Codec.read(f, ProofVerdicts.class, ProofVerdicts.FORMAT);
        } catch (FormatException e) {
            throw e; // its message names the file and what it met
        } catch (IOException e) {
            throw new IOException(f + ": cannot be read: " + e, e);
        }
        if (v.verdicts().isEmpty()) {
            throw new IOException(f + ": holds no verdicts");
        }
        return v;
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
