package dev.lazyinit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
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
                    new Strategy.Builder() {
                        @Override
                        public <T extends AutoCloseable> Lazy<T> build(java.util.function.Supplier<? extends T> f) {
                            throw new UnsupportedOperationException("the holder's class is not on the class path");
                        }
                    }));
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
}
