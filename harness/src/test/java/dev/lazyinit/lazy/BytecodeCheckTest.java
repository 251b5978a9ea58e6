package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.staticlayer.BytecodeCheck;
import dev.lazyinit.harness.staticlayer.StaticLayer;
import dev.lazyinit.lazy.broken.BrokenNonFinalWrapperLazy;
import dev.lazyinit.lazy.broken.BrokenNonVolatileDclLazy;
import dev.lazyinit.lazy.broken.BrokenVarHandlePlainDclLazy;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The static layer's bytecode check over the real holder classes: each of its two rules flags the control made
 * for it and nothing that is correct, and its edges (a plain read under a lock, a volatile wrapper field) hold.
 *
 * <p>What a failure here means: a correct holder gained a plain VarHandle read outside its lock or a wrapper with a
 * field that is not final (read the finding's message), or a control is no longer flagged, so the check lost its
 * teeth on the shape it exists for.
 */
class BytecodeCheckTest {

    private static List<Finding> check(Class<?> c) {
        return BytecodeCheck.check(c.getClassLoader(), List.of(c.getName()));
    }

    @Test
    void varHandleDclWithAcquireReleaseIsClean() {
        assertThat(check(VarHandleDclLazy.class)).isEmpty();
    }

    @Test
    void varHandleDclWithPlainGetIsFlagged() {
        List<Finding> findings = check(BrokenVarHandlePlainDclLazy.class);
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.pattern()).isEqualTo(BytecodeCheck.VARHANDLE_PLAIN);
            assertThat(f.category()).isEqualTo("MT_CORRECTNESS");
            assertThat(f.className()).isEqualTo(BrokenVarHandlePlainDclLazy.class.getName());
            assertThat(f.line()).isPositive();
        });
        assertThat(findings).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("get()"))
                .anySatisfy(m -> assertThat(m).contains("isInitialized()"));
    }

    @Test
    void finalWrapperIsClean() {
        assertThat(check(FinalWrapperLazy.class)).isEmpty();
    }

    @Test
    void wrapperWithANonFinalFieldIsFlagged() {
        assertThat(check(BrokenNonFinalWrapperLazy.class)).singleElement().satisfies(f -> {
            assertThat(f.pattern()).isEqualTo(BytecodeCheck.WRAPPER_NOT_FINAL);
            assertThat(f.className()).isEqualTo(BrokenNonFinalWrapperLazy.class.getName());
            assertThat(f.message()).contains("BrokenNonFinalWrapperLazy$Wrapper's field value is not final",
                    "plain read of wrapper");
        });
    }

    @Test
    void classicDclsAreNotItsBusiness() {
        assertThat(check(DoubleCheckedLazy.class)).isEmpty();
        assertThat(check(SynchronizedLazy.class)).isEmpty();
        assertThat(check(ReentrantLockDclLazy.class)).isEmpty();
        assertThat(check(BrokenNonVolatileDclLazy.class)).as("SpotBugs' shape (DC_DOUBLECHECK), not this check's")
                .isEmpty();
    }

    /** The check over every registry strategy this JVM can run, through the classes the static layer reads. */
    @Test
    void noCorrectStrategyIsFlaggedAndEveryPublicationControlOfOursIs() {
        for (Strategy s : Strategy.values()) {
            if (!s.available()) {
                continue;
            }
            Class<?> holder = s.newHolder(() -> null).getClass();
            List<Finding> findings = BytecodeCheck.check(holder.getClassLoader(), StaticLayer.classesOf(s));
            if (!s.broken()) {
                assertThat(findings).as("%s, a correct strategy", s).isEmpty();
            }
        }
        assertThat(BytecodeCheck.check(BrokenVarHandlePlainDclLazy.class.getClassLoader(),
                StaticLayer.classesOf(Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN))).isNotEmpty();
        assertThat(BytecodeCheck.check(BrokenNonFinalWrapperLazy.class.getClassLoader(),
                StaticLayer.classesOf(Strategy.BROKEN_FINAL_WRAPPER_NON_FINAL))).isNotEmpty();
        assertThat(Strategy.BROKEN_FINAL_WRAPPER_NON_FINAL.violates()).containsExactly(Guarantee.SAFE_PUBLICATION);
    }

    // The rules' edges, on small classes of this test.

    static final class PlainGets {
        static final VarHandle V;

        static {
            try {
                V = MethodHandles.lookup().findVarHandle(PlainGets.class, "v", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Object lock = new Object();
        private final ReentrantLock reentrant = new ReentrantLock();
        Object v;

        Object underMonitor() {
            synchronized (lock) {
                return V.get(this);
            }
        }

        synchronized Object inSynchronizedMethod() {
            return V.get(this);
        }

        Object afterLock() {
            reentrant.lock();
            try {
                return V.get(this);
            } finally {
                reentrant.unlock();
            }
        }

        Object otherModes() {
            Object o = V.getAcquire(this);
            o = o != null ? o : V.getVolatile(this);
            o = o != null ? o : V.getOpaque(this);
            V.compareAndSet(this, null, o);
            V.setRelease(this, o);
            return o;
        }
    }

    static final class PlainGetBeforeLock {
        static final VarHandle V;

        static {
            try {
                V = MethodHandles.lookup().findVarHandle(PlainGetBeforeLock.class, "v", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final ReentrantLock lock = new ReentrantLock();
        Object v;

        Object get() {
            Object o = V.get(this);
            if (o != null) {
                return o;
            }
            lock.lock();
            try {
                return V.get(this); // after the lock: not flagged
            } finally {
                lock.unlock();
            }
        }
    }

    @Test
    void plainGetsUnderALockAndOtherModesAreClean() {
        assertThat(check(PlainGets.class)).isEmpty();
    }

    @Test
    void aPlainGetBeforeTheLockIsFlaggedOnce() {
        assertThat(check(PlainGetBeforeLock.class)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("get()"));
    }

    static final class Box {
        Object x; // not final
    }

    static final class VolatileBoxHolder {
        volatile Box box; // volatile: the read has its happens-before edge, the wrapper need not be immutable
        final Box fixed = new Box(); // final in the holder: the holder's own freeze covers it
    }

    static final class PlainBoxHolder {
        Box box;
    }

    @Test
    void aWrapperBehindAVolatileOrFinalFieldIsClean() {
        assertThat(check(VolatileBoxHolder.class)).isEmpty();
    }

    @Test
    void aSamePackageWrapperThatIsNotNestedIsReadToo() {
        assertThat(check(PlainBoxHolder.class)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Box's field x is not final", "plain read of box"));
    }
}
