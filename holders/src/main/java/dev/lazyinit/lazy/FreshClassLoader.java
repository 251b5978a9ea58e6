package dev.lazyinit.lazy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Defines a fresh, not yet initialized copy of a class (and of its nested classes) from the same bytecode.
 *
 * <p>The holder idiom's laziness lives in class initialization, which the JVM does once per class per
 * class loader. To race threads through a <em>real</em> first initialization again and again (in tests,
 * JCStress proofs and cold-start benchmarks), each trial loads the class through a new loader of this kind.
 * Every other class, including the JDK's and the value's, still comes from the parent loader, so values
 * created by the copy are ordinary objects of the ordinary classes.
 *
 * <p>The copy lives in a different runtime package from the original, so it may use only public types
 * and its own nested classes, which is all {@link HolderIdiom} does.
 */
public final class FreshClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Class<?> template;
    private final String name;

    /**
     * @param template the class to copy; its nested classes are copied along with it
     */
    public FreshClassLoader(Class<?> template) {
        super("fresh-" + template.getSimpleName(), template.getClassLoader());
        this.template = template;
        this.name = template.getName();
    }

    /**
     * Loads a fresh, uninitialized copy of {@code template}.
     *
     * @param template the class to copy
     * @return a class with the same name and bytecode, defined by a new loader
     */
    public static Class<?> freshCopyOf(Class<?> template) {
        try {
            return new FreshClassLoader(template).loadClass(template.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy " + template.getName(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        if (!className.equals(name) && !className.startsWith(name + "$")) {
            return super.loadClass(className, resolve); // everything else: the parent's one and only copy
        }
        synchronized (getClassLoadingLock(className)) {
            Class<?> c = findLoadedClass(className);
            if (c == null) {
                byte[] bytes = readBytecode(className);
                c = defineClass(className, bytes, 0, bytes.length, template.getProtectionDomain());
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] readBytecode(String className) throws ClassNotFoundException {
        String resource = className.replace('.', '/') + ".class";
        ClassLoader source = template.getClassLoader() != null
                ? template.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = source.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(className);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bytecode of " + className, e);
        }
    }
}
