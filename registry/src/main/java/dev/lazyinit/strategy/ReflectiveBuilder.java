package dev.lazyinit.strategy;

import dev.lazyinit.lazy.Lazy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Builds a strategy compiled only on some JDKs (the parent pom's jdk* profiles decide which, for the preview APIs):
 * its class is found by name, so the registry compiles on 17, and everywhere else the strategy is unavailable, with
 * the reason.
 */
final class ReflectiveBuilder implements Strategy.Builder {

    private final String className;
    private final MethodHandle constructor; // null where the class is not there
    private final String reason;
    private final Throwable cause;

    /**
     * @param className the strategy's class, in a preview source set of the holders module
     * @param from      the first feature release that compiles it
     * @param until     the last one
     * @param after     why a release after {@code until} does not have it
     */
    ReflectiveBuilder(String className, int from, int until, String after) {
        this.className = className;
        MethodHandle found;
        String why;
        Throwable whyNot;
        try {
            Class<?> type = Class.forName(className);
            found = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, Supplier.class));
            why = null;
            whyNot = null;
        } catch (ReflectiveOperationException | LinkageError e) {
            int feature = Runtime.version().feature();
            found = null;
            String jdks = from == until ? "JDK " + from : "JDK " + from + " to " + until;
            why = (feature < from ? "needs " + jdks + " (this is " + feature + ")"
                    : feature > until ? after + " (this is " + feature + ")"
                    : "needs --enable-preview on JDK " + feature + ", and a build on it")
                    + " [" + e.getClass().getSimpleName() + "]";
            whyNot = e;
        }
        this.constructor = found;
        this.reason = why;
        this.cause = whyNot;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> Lazy<T> build(Supplier<? extends T> factory) {
        if (constructor == null) {
            throw new UnsupportedOperationException(className + " " + reason, cause);
        }
        try {
            return (Lazy<T>) constructor.invoke(factory);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String unavailableReason() {
        return reason;
    }
}
