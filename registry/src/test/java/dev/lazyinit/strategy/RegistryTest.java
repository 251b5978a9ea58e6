package dev.lazyinit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.lazy.SynchronizedLazy;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry with providers: what a provider offers is served after the built-in catalogue in a stable order, and
 * every way a provider can be wrong is an error at load, naming the provider class. Each case puts its providers on a
 * class loader of its own (a services file in a temporary folder), so the registry of this JVM stays as it is.
 */
class RegistryTest {

    @TempDir
    Path dir;

    /** Builds a synchronized holder: the adapter a provider would write for its own holder. */
    private static ProvidedStrategy offer(String name, String display, String... claims) {
        return new ProvidedStrategy(name, display, "A test fixture.", List.of(claims), SynchronizedLazy::new);
    }

    /** A well-formed provider whose strategies come in reverse order, to show the registry sorts them. */
    public static final class Good implements StrategyProvider {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(offer("ZULU", "zulu", "EXACTLY_ONCE", "SAME_INSTANCE"), offer("ALPHA", "alpha"));
        }
    }

    /** Named before {@link Good} alphabetically, so its strategies must come first. */
    public static final class Another implements StrategyProvider {
        @Override
        public String name() {
            return "another";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(offer("MIKE", "mike"));
        }
    }

    /** Offers a built-in name. */
    public static final class TakesABuiltInName implements StrategyProvider {
        @Override
        public String name() {
            return "taker";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(offer("SYNCHRONIZED", "my synchronized"));
        }
    }

    /** Offers {@link Good}'s ZULU again. */
    public static final class SameNameAsGood implements StrategyProvider {
        @Override
        public String name() {
            return "same";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(offer("ZULU", "another zulu"));
        }
    }

    /** Claims a guarantee the suite does not know. */
    public static final class UnknownGuarantee implements StrategyProvider {
        @Override
        public String name() {
            return "unknown";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(offer("FAST", "fast", "EXACTLY_ONCE", "WAIT_FREE"));
        }
    }

    /** Throws while listing its strategies. */
    public static final class ThrowsWhileListing implements StrategyProvider {
        @Override
        public String name() {
            return "thrower";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            throw new IllegalStateException("no configuration found");
        }
    }

    /** Offers a strategy whose builder throws. */
    public static final class BuilderThrows implements StrategyProvider {
        @Override
        public String name() {
            return "builder";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(new ProvidedStrategy("BROKEN_BUILD", "broken build", "A test fixture.", List.of(),
                    f -> {
                        throw new UnsupportedOperationException("the holder's class is not on the class path");
                    }));
        }
    }

    /**
     * Written as a user would on the first try: a lambda builder, a holder whose constructor takes
     * {@code Supplier<T>} (not {@code Supplier<? extends T>}), a memoizing supplier with no "created yet?" query,
     * and a control that declares what it breaks and a blind spot.
     */
    public static final class FirstTry implements StrategyProvider {
        @Override
        public String name() {
            return "first-try";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(
                    new ProvidedStrategy("LAMBDA", "lambda", "A test fixture.", List.of("EXACTLY_ONCE"),
                            f -> new SynchronizedLazy<>(f)),
                    new ProvidedStrategy("EXACT_SUPPLIER", "exact supplier", "A test fixture.", List.of(),
                            ExactSupplierHolder::new),
                    new ProvidedStrategy("MEMOIZED", "memoized", "A test fixture.", List.of("SAME_INSTANCE"),
                            ProvidedStrategy.Builder.memoizing(RegistryTest::memoize)),
                    new ProvidedStrategy("MY_CONTROL", "my control", "A test fixture.", List.of("EXACTLY_ONCE"),
                            List.of("SAFE_PUBLICATION"), List.of("SAFE_PUBLICATION"), SynchronizedLazy::new));
        }
    }

    /** A library's memoizing supplier, as simple as one gets: no query, no close. */
    static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> f) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = f.get();
                }
                return value;
            }
        };
    }

    /** A user's holder whose constructor takes exactly {@code Supplier<T>}. */
    public static final class ExactSupplierHolder<T extends AutoCloseable> implements Lazy<T> {
        private final SynchronizedLazy<T> inner;

        public ExactSupplierHolder(java.util.function.Supplier<T> factory) {
            this.inner = new SynchronizedLazy<>(factory);
        }

        @Override
        public T get() {
            return inner.get();
        }

        @Override
        public boolean isInitialized() {
            return inner.isInitialized();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** A control that claims what it violates. */
    public static final class ClaimsWhatItBreaks implements StrategyProvider {
        @Override
        public String name() {
            return "liar";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of(new ProvidedStrategy("LIAR", "liar", "A test fixture.", List.of("EXACTLY_ONCE"),
                    List.of("EXACTLY_ONCE"), List.of(), SynchronizedLazy::new));
        }
    }

    /** Cannot be instantiated: its constructor throws. */
    public static final class ConstructorThrows implements StrategyProvider {
        public ConstructorThrows() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public String name() {
            return "never";
        }

        @Override
        public List<ProvidedStrategy> strategies() {
            return List.of();
        }
    }

    private List<Strategy> load(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services/" + StrategyProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.write(services, Arrays.stream(providers).map(Class::getName).toList());
        try (URLClassLoader loader = new OwnServicesOnly(dir.toUri().toURL())) {
            return Registry.load(loader);
        }
    }

    /**
     * Loads classes as the tests do, but lists only its own services files: a provider already on the class path
     * (the example provider, where these tests run beside it) stays out of the registry under test.
     */
    private static final class OwnServicesOnly extends URLClassLoader {

        OwnServicesOnly(URL folder) {
            super(new URL[] {folder}, RegistryTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
        }
    }

    private RegistryException failure(Class<?>... providers) {
        return catchThrowableOfType(RegistryException.class, () -> load(providers));
    }

    @Test
    void providersComeAfterTheBuiltInsByProviderThenName() throws IOException {
        List<Strategy> all = load(Good.class, Another.class);
        int builtIn = Strategy.builtIns().size();
        assertThat(all.subList(0, builtIn)).containsExactlyElementsOf(Strategy.builtIns());
        assertThat(all.subList(builtIn, all.size()).stream().map(s -> s.provider().orElseThrow() + "/" + s.name()))
                .containsExactly("another/MIKE", "good/ALPHA", "good/ZULU");
        Strategy zulu = all.get(all.size() - 1);
        assertThat(zulu.provided()).isTrue();
        assertThat(zulu.broken()).isFalse();
        assertThat(zulu.guarantees()).containsExactlyInAnyOrder(Guarantee.EXACTLY_ONCE, Guarantee.SAME_INSTANCE);
        try (Lazy<AutoCloseable> holder = zulu.newHolder(() -> () -> { })) {
            assertThat(holder.get()).isSameAs(holder.get());
        }
        assertThat(Strategy.builtIns()).noneMatch(Strategy::provided);
    }

    @Test
    void aBuiltInNameIsTaken() {
        assertThat(failure(TakesABuiltInName.class)).hasMessageContaining(TakesABuiltInName.class.getName())
                .hasMessageContaining("SYNCHRONIZED").hasMessageContaining("built-in catalogue");
    }

    @Test
    void twoProvidersCannotShareAName() {
        assertThat(failure(Good.class, SameNameAsGood.class)).hasMessageContaining(SameNameAsGood.class.getName())
                .hasMessageContaining("ZULU").hasMessageContaining(Good.class.getName());
    }

    @Test
    void anUnknownGuaranteeIsNamed() {
        assertThat(failure(UnknownGuarantee.class)).hasMessageContaining(UnknownGuarantee.class.getName())
                .hasMessageContaining("\"WAIT_FREE\"").hasMessageContaining("EXACTLY_ONCE"); // the known ones listed
    }

    @Test
    void aProviderThatThrowsIsNamed() {
        assertThat(failure(ThrowsWhileListing.class)).hasMessageContaining(ThrowsWhileListing.class.getName())
                .hasMessageContaining("no configuration found");
        assertThat(failure(ConstructorThrows.class)).hasMessageContaining(ConstructorThrows.class.getName());
    }

    @Test
    void aBuilderThatThrowsFailsTheLoadNotTheRun() {
        assertThat(failure(Good.class, BuilderThrows.class)).hasMessageContaining(BuilderThrows.class.getName())
                .hasMessageContaining("BROKEN_BUILD").hasMessageContaining("not on the class path");
    }

    @Test
    void aProviderWrittenOnTheFirstTryLoads() throws IOException {
        List<Strategy> all = load(FirstTry.class);
        Strategy control = all.stream().filter(s -> s.name().equals("MY_CONTROL")).findFirst().orElseThrow();
        assertThat(control.broken()).isTrue();
        assertThat(control.violates()).containsExactly(Guarantee.SAFE_PUBLICATION);
        assertThat(control.knownBlindSpots()).containsExactly(Guarantee.SAFE_PUBLICATION);
        for (String name : List.of("LAMBDA", "EXACT_SUPPLIER", "MEMOIZED")) {
            Strategy s = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            AutoCloseable value = () -> { };
            try (Lazy<AutoCloseable> holder = s.newHolder(() -> value)) {
                assertThat(holder.isInitialized()).as(name).isFalse();
                assertThat(holder.get()).as(name).isSameAs(value).isSameAs(holder.get());
                assertThat(holder.isInitialized()).as(name).isTrue();
            }
        }
    }

    /** The suite's promise to a provider's holder: it never sees {@code null} from the factory. */
    @Test
    void aProvidersHolderNeverGetsNullFromTheFactory() throws IOException {
        Strategy memoized = load(FirstTry.class).stream().filter(s -> s.name().equals("MEMOIZED")).findFirst()
                .orElseThrow();
        try (Lazy<AutoCloseable> holder = memoized.newHolder(() -> null)) {
            assertThatThrownBy(holder::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
            assertThat(holder.isInitialized()).isFalse();
        }
    }

    @Test
    void aControlCannotClaimWhatItViolates() {
        assertThat(failure(ClaimsWhatItBreaks.class)).hasMessageContaining(ClaimsWhatItBreaks.class.getName())
                .hasMessageContaining("claims EXACTLY_ONCE and violates it");
    }

    /**
     * A class shaded into a provider's jar without relocation is named; the jar's own classes are not, nor a copy of
     * a JDK class (JCStress's jar carries such stubs), which the class path never serves.
     */
    @Test
    void aClassAlsoOnTheClassPathIsNamed() throws IOException {
        Path jar = dir.resolve("shaded.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("dev/lazyinit/lazy/Lazy.class", "com/acme/Mine.class",
                    "META-INF/versions/9/module-info.class", "java/lang/Object.class")) {
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                RegistryTest.class.getClassLoader())) {
            assertThat(Registry.shadowed(jar, loader)).containsExactly("dev.lazyinit.lazy.Lazy");
        }
    }
}
