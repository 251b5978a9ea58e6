package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.staticlayer.StaticLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of the layers beside JCStress that the gate reads from the store build (and example-provider's, over
 * the providers' strategies): the static layer (SpotBugs and the bytecode check) and the dynamic layer (VMLens).
 * Each is its rows or why there are none ({@link TeethInput}), for the summary's columns and the teeth table.
 *
 * <p>What could go wrong: a stale or missing file read as if it were this build's. The static layer's file is
 * passed over for SpotBugs' own report, judged here by the static layer's rules, when that report is newer (the
 * store tests that write the file were skipped); a missing file is excused only where the layer did not run or was
 * not given, never where it should have been read.
 *
 * @param staticLayer the static layer's verdicts, or why there are none
 * @param dynamicLayer the dynamic layer's verdicts, or why there are none
 */
record LayerInputs(TeethInput<StaticVerdicts> staticLayer, TeethInput<StaticVerdicts> dynamicLayer) {

    /**
     * @param staticVerdicts the static layer's verdicts file ({@code --static}), or {@code null}
     * @param spotbugs SpotBugs' report ({@code --spotbugs}), or {@code null}
     * @param providedStatic the static layer's verdicts over the providers' strategies, or {@code null}
     * @param dynamicVerdicts the dynamic layer's verdicts file ({@code --dynamic}), or {@code null}
     * @param providedDynamic the dynamic layer's verdicts over the providers' strategies, or {@code null}
     * @return both layers, each with the providers' verdicts merged in where they exist
     * @throws IOException if a file that exists cannot be read
     */
    static LayerInputs read(Path staticVerdicts, Path spotbugs, Path providedStatic, Path dynamicVerdicts,
            Path providedDynamic) throws IOException {
        return new LayerInputs(withProvided(staticLayer(staticVerdicts, spotbugs), providedStatic),
                withProvided(dynamicLayer(dynamicVerdicts), providedDynamic));
    }

    /**
     * @return the layers that gave rows: a publication PASS that JCStress could not have failed here may rest on a
     *         layer that could, and did not
     */
    Map<Layer, StaticVerdicts> byLayer() {
        Map<Layer, StaticVerdicts> layers = new EnumMap<>(Layer.class);
        staticLayer.rows().ifPresent(v -> layers.put(Layer.STATIC, v));
        dynamicLayer.rows().ifPresent(v -> layers.put(Layer.DYNAMIC, v));
        return layers;
    }

    /**
     * The static layer's verdicts: the store build's file, or, where that is missing or older than SpotBugs' report
     * (the store tests that write it did not run), that report judged here by the same rules ({@link StaticLayer}).
     */
    private static TeethInput<StaticVerdicts> staticLayer(Path staticVerdicts, Path spotbugs) throws IOException {
        if (staticVerdicts == null && spotbugs == null) {
            return TeethInput.missing("not given (--static): the static rows cannot be judged", true);
        }
        boolean file = staticVerdicts != null && Files.isRegularFile(staticVerdicts);
        boolean report = spotbugs != null && Files.isRegularFile(spotbugs);
        if (report && (!file || Files.getLastModifiedTime(spotbugs).compareTo(
                Files.getLastModifiedTime(staticVerdicts)) > 0)) {
            return TeethInput.of(StaticLayer.judge(spotbugs, "the store build's SpotBugs settings, judged by the"
                            + " gate with the static layer's rules"),
                    spotbugs.toAbsolutePath().normalize() + ", judged by the gate with the static layer's rules"
                            + " (" + (file ? "newer than " + staticVerdicts.getFileName() : "the store tests, which"
                            + " write " + (staticVerdicts == null ? "the verdicts file" : staticVerdicts.getFileName())
                            + ", did not run") + ")");
        }
        if (file) {
            return TeethInput.of(Codec.read(staticVerdicts, StaticVerdicts.class, StaticVerdicts.FORMAT),
                    staticVerdicts.toAbsolutePath().normalize().toString());
        }
        return TeethInput.missing("neither " + (staticVerdicts == null ? "--static" : staticVerdicts.toAbsolutePath()
                .normalize()) + " nor " + (spotbugs == null ? "--spotbugs" : spotbugs.toAbsolutePath().normalize())
                + " exists: the static layer"
                + " runs in the conformance module's build (./mvnw -pl jcstress -am verify builds it)", false);
    }

    /**
     * The dynamic layer's verdicts: the store build's file ({@code DynamicLayerTest} writes it). Where it is missing
     * (the store tests were skipped), its rows cannot be judged and say so; the static layer's rows still must
     * catch the publication controls.
     */
    private static TeethInput<StaticVerdicts> dynamicLayer(Path dynamicVerdicts) throws IOException {
        if (dynamicVerdicts == null) {
            return TeethInput.missing("not given (--dynamic): the dynamic rows cannot be judged", true);
        }
        if (!Files.isRegularFile(dynamicVerdicts)) {
            return TeethInput.missing(dynamicVerdicts.toAbsolutePath().normalize() + " does not exist: the"
                    + " store tests, which write it (DynamicLayerTest), did not run", true);
        }
        return TeethInput.of(Codec.read(dynamicVerdicts, StaticVerdicts.class, StaticVerdicts.FORMAT),
                dynamicVerdicts.toAbsolutePath().normalize().toString());
    }

    /**
     * A layer's verdicts with those example-provider's run wrote over the providers' strategies merged in, where
     * that file exists (the providers' tests ran) and the conformance module's verdicts were read.
     */
    private static TeethInput<StaticVerdicts> withProvided(TeethInput<StaticVerdicts> store, Path provided)
            throws IOException {
        if (store.rows().isEmpty() || provided == null || !Files.isRegularFile(provided)) {
            return store;
        }
        StaticVerdicts theirs = Codec.read(provided, StaticVerdicts.class, StaticVerdicts.FORMAT);
        return TeethInput.of(StaticVerdicts.merge(List.of(store.rows().get(), theirs)),
                store.source() + " + " + provided.toAbsolutePath().normalize());
    }
}
