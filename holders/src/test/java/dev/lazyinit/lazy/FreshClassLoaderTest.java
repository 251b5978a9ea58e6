package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the holder idiom's tests, proofs and benchmarks rely on in {@link FreshClassLoader}: a copy of the template
 * and of its nested classes, one per loader, read from wherever the template came from; everything else shared.
 */
class FreshClassLoaderTest {

    @Test
    void oneLoaderDefinesEachCopiedClassOnceAndSharesEverythingElse() throws Exception {
        FreshClassLoader loader = new FreshClassLoader(HolderIdiom.class);
        String holder = HolderIdiom.class.getName() + "$Holder";
        Class<?> copy = loader.loadClass(HolderIdiom.class.getName());
        assertThat(loader.loadClass(HolderIdiom.class.getName())).as("asked again").isSameAs(copy);
        assertThat(copy.getClassLoader()).isSameAs(loader);
        Class<?> nested = loader.loadClass(holder);
        assertThat(loader.loadClass(holder)).isSameAs(nested);
        assertThat(nested.getClassLoader()).isSameAs(loader);
        assertThat(loader.loadClass(HolderIdiomLazy.class.getName())).as("a longer name, not a nested class")
                .isSameAs(HolderIdiomLazy.class);
        assertThat(loader.loadClass(Lazy.class.getName())).isSameAs(Lazy.class);
        assertThat(loader.isRegisteredAsParallelCapable())
                .as("loads by class name under a lock per name, as racing class initializations need").isTrue();
    }

    @Test
    void aClassWithoutBytecodeCannotBeCopied() {
        Class<?> proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runnable.class},
                (p, method, args) -> null).getClass(); // defined at run time: no class file to read
        assertThatThrownBy(() -> FreshClassLoader.freshCopyOf(proxy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(proxy.getName())
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theBytecodeComesFromTheTemplatesOwnLoader(@TempDir Path dir) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK");
        Path source = dir.resolve("src/probe/Probe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package probe; public class Probe { public static class Nested { } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        try (URLClassLoader own = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> template = own.loadClass("probe.Probe"); // a class the application class loader cannot see
            Class<?> copy = FreshClassLoader.freshCopyOf(template);
            assertThat(copy).isNotSameAs(template);
            assertThat(copy.getName()).isEqualTo("probe.Probe");
            assertThat(copy.getClassLoader()).isInstanceOf(FreshClassLoader.class);
        }
    }

    @Test
    void aClassOfTheBootstrapLoaderIsReadThroughTheSystemLoader() {
        Class<?> template = javax.net.SocketFactory.class;
        assertThat(template.getClassLoader()).as("defined by the bootstrap loader").isNull();
        Class<?> copy = FreshClassLoader.freshCopyOf(template);
        assertThat(copy).isNotSameAs(template);
        assertThat(copy.getName()).isEqualTo(template.getName());
        assertThat(copy.getClassLoader()).isInstanceOf(FreshClassLoader.class);
    }
}
