/*
 * Writes the JCStress tests of this module: one per (strategy in the registry) x (proof), run at
 * generate-sources as a single-file Java program with the module's compile class path:
 *
 *     java -cp <compile class path> src/build/java/GenerateProofs.java \
 *          src/main/java src/build/java target/proof-declarations target/generated-sources/lazyinit-proofs
 *
 * Everything about a proof lives in its class, src/main/java/dev/lazyinit/jcstress/Lazy_0N_*.java: the
 * narrative, the state, the actors, and, in Java, which outcomes each strategy's registry entry makes
 * acceptable, interesting or forbidden (its outcomes(Strategy) method). JCStress, however, reads a test's
 * outcomes from annotations, which must be constants on the test class; so the build asks each proof class
 * for the outcomes of every strategy and prints them as the annotations of one small test class per strategy.
 *
 * The proof classes are not compiled yet at generate-sources. So this program compiles them first: the proof
 * package (the Lazy_0N_* classes and what they use) and the type-safe writer in src/build/java
 * (dev.lazyinit.jcstress.build.ProofWriter), into a scratch folder that is not part of the module's output;
 * then it loads the writer from there and lets it print the tests. The module's own compilation later
 * compiles the proof classes again, together with the generated tests.
 */

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

public class GenerateProofs {

    static final String PROOF_PACKAGE = "dev/lazyinit/jcstress";
    static final String WRITER = "dev.lazyinit.jcstress.build.ProofWriter";

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            throw new IllegalArgumentException("usage: GenerateProofs <main sources> <build sources> <scratch classes>"
                    + " <generated sources> [<holder class path>]");
        }
        Path mainSources = Path.of(args[0]);
        Path buildSources = Path.of(args[1]);
        Path scratch = Path.of(args[2]);
        Path generated = Path.of(args[3]);

        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        List<String> files = new ArrayList<>();
        try (Stream<Path> proofs = Files.list(mainSources.resolve(PROOF_PACKAGE))) { // not the gate: not needed
            proofs.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> files.add(p.toString()));
        }
        try (Stream<Path> writer = Files.walk(buildSources)) {
            writer.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("GenerateProofs.java")) // this program
                    .sorted().forEach(p -> files.add(p.toString()));
        }
        compile(files, mainSources, scratch);

        List<URL> holders = new ArrayList<>(); // a user's holder jar: its providers join the registry
        if (args.length == 5 && !args[4].isBlank()) {
            for (String entry : args[4].split(java.io.File.pathSeparator)) {
                holders.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader holderLoader = new URLClassLoader(holders.toArray(URL[]::new),
                ClassLoader.getSystemClassLoader());
             URLClassLoader loader = new ScratchFirst(scratch.toUri().toURL(), holderLoader)) {
            Thread.currentThread().setContextClassLoader(loader); // where the registry looks for providers
            loader.loadClass(WRITER).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {scratch.toString(), generated.toString()});
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e; // the writer's own message, not the reflection
        }
    }

    /**
     * Loads what was just compiled into the scratch folder before anything of the same name on the class path: the
     * module's compile class path includes its own target/classes, where an earlier build left the proof classes as
     * they were then, and the writer must see the proofs as they are now.
     */
    static final class ScratchFirst extends URLClassLoader {

        ScratchFirst(URL scratch, ClassLoader parent) {
            super(new URL[] {scratch}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notCompiledHere) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** Compiles the proof package and the writer against the compile class path this program runs with. */
    static void compile(List<String> files, Path sourcePath, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("GenerateProofs needs a JDK (javax.tools), not a JRE");
        }
        List<String> options = new ArrayList<>(List.of(
                "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"),
                "-sourcepath", sourcePath.toString(), // what the proofs use (shared/) is compiled as needed
                "-proc:none", // JCStress's annotation processor runs in the real compilation, not here
                "-encoding", "UTF-8",
                "-nowarn", "-Xlint:none"));
        options.addAll(files);
        int status = javac.run(null, null, null, options.toArray(new String[0])); // errors go to stderr
        if (status != 0) {
            throw new IllegalStateException("GenerateProofs: the proof classes do not compile (see the errors above)");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> old = Files.walk(dir)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
