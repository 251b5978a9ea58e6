package dev.lazyinit.strategy;

import dev.lazyinit.lazy.Lazy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Loads the registry once per JVM: the built-in catalogue, then every {@link StrategyProvider} on the class path,
 * checked. A provider that cannot be loaded or throws, two strategies of one name, a guarantee name the suite does
 * not know: each is a {@link RegistryException} naming the provider class, thrown again on every later call, so that
 * nothing runs on part of a registry.
 */
final class Registry {

    /** Registry names become class names of generated proofs and values of a benchmark parameter. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static List<Strategy> loaded;
    private static RegistryException failure;

    private Registry() {
    }

    /** @return every strategy, built-in first; loaded on the first call */
    static synchronized List<Strategy> all() {
        if (loaded == null && failure == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            try {
                loaded = load(context != null ? context : Strategy.class.getClassLoader());
            } catch (RegistryException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new RegistryException(failure.getMessage(), failure); // this caller's stack, the first cause
        }
        return loaded;
    }

    /**
     * @param loader where to look for {@code META-INF/services/dev.lazyinit.strategy.StrategyProvider}
     * @return the built-in catalogue, then the providers' strategies by provider name, then strategy name
     * @throws RegistryException if anything a provider offers cannot be taken as it is
     */
    static List<Strategy> load(ClassLoader loader) {
        Map<String, String> owners = new HashMap<>(); // strategy name or display name -> who registered it
        for (Strategy s : Strategy.builtIns()) {
            owners.put(s.name(), "the built-in catalogue");
            owners.put(s.displayName(), "the built-in catalogue");
        }
        Map<String, String> providerNames = new HashMap<>();
        List<Strategy> provided = new ArrayList<>();
        Iterator<StrategyProvider> providers = ServiceLoader.load(StrategyProvider.class, loader).iterator();
        while (true) {
            StrategyProvider p;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                p = providers.next();
            } catch (ServiceConfigurationError e) {
                throw new RegistryException("A strategy provider on the class path could not be loaded: "
                        + e.getMessage(), e);
            }
            String type = p.getClass().getName();
            String name = name(p, type);
            String other = providerNames.putIfAbsent(name, type);
            if (other != null) {
                throw new RegistryException("Strategy providers " + other + " and " + type + " have the same name, "
                        + name, null);
            }
            warnShadowed(p.getClass(), loader);
            List<Strategy> offered = offers(p, type, name);
            for (Strategy s : offered) {
                for (String key : List.of(s.name(), s.displayName())) {
                    String owner = owners.putIfAbsent(key, "strategy provider " + type);
                    if (owner != null) {
                        throw new RegistryException("Strategy provider " + type + " offers " + s.name() + ", but "
                                + owner + " already registered the " + (key.equals(s.name()) ? "name " : "display name ")
                                + key + ": every strategy needs a name and a display name of its own", null);
                    }
                }
            }
            provided.addAll(offered);
        }
        provided.sort(Comparator.comparing((Strategy s) -> s.provider().orElseThrow()).thenComparing(Strategy::name));
        List<Strategy> all = new ArrayList<>(Strategy.builtIns());
        all.addAll(provided);
        return List.copyOf(all);
    }

    /**
     * Warns, naming the classes, when a provider's jar holds classes that are also elsewhere on the class path: a
     * dependency shaded into the jar without relocation. The copy earlier on the class path (the suite's, as a
     * holder jar comes last) is the one that runs, so the holder is tested against a library version it was not
     * built with.
     */
    private static void warnShadowed(Class<?> provider, ClassLoader loader) {
        java.security.CodeSource source = provider.getProtectionDomain().getCodeSource();
        if (source == null || !source.getLocation().getPath().endsWith(".jar")
                || source.getLocation().equals(Strategy.class.getProtectionDomain().getCodeSource().getLocation())) {
            return; // not a jar, or the suite's own jar with the provider packed in (the gate's, the benchmarks')
        }
        List<String> shadowed;
        try {
            shadowed = shadowed(Path.of(source.getLocation().toURI()), loader);
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return; // a jar that cannot be read here fails later, where it is loaded, with the reason
        }
        if (!shadowed.isEmpty()) {
            System.getLogger(Registry.class.getName()).log(System.Logger.Level.WARNING, "Strategy provider "
                    + provider.getName() + ": " + shadowed.size() + " class(es) of its jar " + source.getLocation()
                    + " are also elsewhere on the class path, and the copy found first runs, not necessarily the"
                    + " jar's (a dependency shaded without relocation? relocate it): "
                    + String.join(", ", shadowed.subList(0, Math.min(10, shadowed.size())))
                    + (shadowed.size() > 10 ? ", ..." : ""));
        }
    }

    /**
     * @param jar a provider's jar
     * @param loader the class loader the registry reads
     * @return the classes of the jar that the loader also finds elsewhere on the class path (not in the JDK's own
     *         modules: a stub of a JDK class is no shaded dependency), by binary name
     * @throws IOException if the jar cannot be read
     */
    static List<String> shadowed(Path jar, ClassLoader loader) throws IOException {
        List<String> shadowed = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                String entry = e.getName();
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
                    continue;
                }
                if (java.util.Collections.list(loader.getResources(entry)).stream()
                        .filter(url -> !"jrt".equals(url.getProtocol())).count() > 1) {
                    shadowed.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return shadowed;
    }

    private static String name(StrategyProvider p, String type) {
        String name;
        try {
            name = p.name();
        } catch (RuntimeException | LinkageError e) {
            throw new RegistryException("Strategy provider " + type + " threw while naming itself: " + e, e);
        }
        if (name == null || name.isBlank()) {
            throw new RegistryException("Strategy provider " + type + " has no name", null);
        }
        return name.strip();
    }

    /** Asks one provider for its strategies and checks each. */
    private static List<Strategy> offers(StrategyProvider p, String type, String name) {
        List<ProvidedStrategy> offers;
        try {
            offers = p.strategies();
        } catch (LinkageError e) {
            throw new RegistryException("Strategy provider " + type + " threw while listing its strategies: " + e
                    + " (was it compiled against another version of lazyinit-registry? build it against this one)", e);
        } catch (RuntimeException e) {
            throw new RegistryException("Strategy provider " + type + " threw while listing its strategies: " + e, e);
        }
        if (offers == null) {
            throw new RegistryException("Strategy provider " + type + " returned no list of strategies", null);
        }
        List<Strategy> strategies = new ArrayList<>();
        for (ProvidedStrategy offer : offers) {
            String where = "Strategy provider " + type + ", strategy " + offer.name() + ": ";
            if (!NAME.matcher(offer.name()).matches()) {
                throw new RegistryException(where + "a name is upper case, digits and underscores, starting with a"
                        + " letter (it names generated classes)", null);
            }
            Set<Guarantee> claims = claims(offer, where);
            Set<Guarantee> violates = guarantees(offer.violates(), where, "violates");
            Set<Guarantee> blindSpots = guarantees(offer.knownBlindSpots(), where, "has a known blind spot on");
            for (Guarantee g : claims) {
                if (violates.contains(g)) {
                    throw new RegistryException(where + "claims " + g + " and violates it: a control claims only what"
                            + " it keeps", null);
                }
            }
            if (!violates.containsAll(blindSpots)) {
                throw new RegistryException(where + "a known blind spot must be a guarantee it violates", null);
            }
            tryBuilding(offer, where);
            strategies.add(Strategy.provided(name, offer, claims, violates, blindSpots));
        }
        return strategies;
    }

    private static Set<Guarantee> claims(ProvidedStrategy offer, String where) {
        Set<Guarantee> claims = guarantees(offer.claims(), where, "claims");
        if (claims.contains(Guarantee.EXACTLY_ONCE) && claims.contains(Guarantee.CLOSES_DUPLICATES)) {
            throw new RegistryException(where + "claims EXACTLY_ONCE and CLOSES_DUPLICATES, which exclude each other",
                    null);
        }
        return claims;
    }

    private static Set<Guarantee> guarantees(List<String> names, String where, String verb) {
        Set<Guarantee> guarantees = EnumSet.noneOf(Guarantee.class);
        for (String n : names) {
            try {
                guarantees.add(Guarantee.valueOf(n));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RegistryException(where + verb + " \"" + n + "\", a guarantee this suite does not know;"
                        + " known: " + List.of(Guarantee.values()), e);
            }
        }
        return guarantees;
    }

    /** Builds one cold holder and closes it: a builder that throws, or calls the factory, fails here and not mid-run. */
    private static void tryBuilding(ProvidedStrategy offer, String where) {
        AtomicBoolean called = new AtomicBoolean();
        try {
            Lazy<AutoCloseable> holder = offer.builder().build(() -> {
                called.set(true);
                throw new IllegalStateException("the registry's trial factory must not be called");
            });
            if (holder == null) {
                throw new RegistryException(where + "its builder returned null", null);
            }
            holder.close();
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof RegistryException r) {
                throw r;
            }
            if (!called.get()) {
                throw new RegistryException(where + "threw while building a cold holder: " + e, e);
            }
        }
        if (called.get()) {
            throw new RegistryException(where + "its builder called the factory: a holder must create on get()", null);
        }
    }
}
