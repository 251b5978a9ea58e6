package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: the VarHandle DCL with plain {@code get}/{@code set}.
 *
 * <p>{@code VarHandleDclLazy} with {@link VarHandle#get} and {@link VarHandle#set} (plain access, the same as a
 * non-volatile field) instead of {@code getAcquire}/{@code setRelease}: the publication is as unsafe as the DCL
 * without {@code volatile}, and a fast-path reader may see a partly built value. Unlike that control, SpotBugs does
 * not flag it (the field is only touched through the VarHandle, which hides the double-check shape from it), and
 * on x86 JCStress does not show it either; the static layer's bytecode check does: a plain {@code VarHandle.get}
 * before the lock is taken. A machine that reorders stores (arm64) can show it in the publication proof too.
 *
 * @param <T> the value type
 */
public final class BrokenVarHandlePlainDclLazy<T extends AutoCloseable> implements Lazy<T> {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(BrokenVarHandlePlainDclLazy.class, "value", AutoCloseable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private AutoCloseable value; // accessed through VALUE, plainly (BROKEN)
    private boolean closed;      // guarded by lock

    /**
     * @param factory creates the value
     */
    public BrokenVarHandlePlainDclLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    @SuppressWarnings("unchecked") // only T values are ever stored
    public T get() {
        T v = (T) VALUE.get(this); // BROKEN: a plain read, no acquire
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = (T) value; // plain read is fine under the lock that guards the write
            if (v == null) {
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
                }
                v = Lazy.requireCreated(factory, factory.get());
                VALUE.set(this, v); // BROKEN: a plain write, no release
            }
            return v;
        }
    }

    @Override
    public boolean isInitialized() {
        return VALUE.get(this) != null;
    }

    @Override
    public void close() {
        AutoCloseable toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = value;
        }
        if (toClose != null) {
            Lazy.closeValue(toClose);
        }
    }
}
