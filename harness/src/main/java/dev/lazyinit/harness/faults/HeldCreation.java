package dev.lazyinit.harness.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A factory whose creations are held at the door until the test lets them go: it records every thread that
 * enters it, the first one apart, and keeps each inside until {@link #release()}. With it a test knows, instead
 * of guessing from timing, which thread is creating and which is waiting for it, and can act on a waiter while
 * the creation is provably still under way.
 *
 * <p>The hold does not answer interrupts, like a pool that is busy connecting: an interrupted creator keeps its
 * interrupt flag and carries on once released.
 *
 * @param <T> the value type
 */
public final class HeldCreation<T> implements Supplier<T> {

    /** How many looks in a row a thread must stand still inside the holder to count as waiting. */
    static final int STILL_LOOKS = 5;
    /** The time between looks. */
    static final Duration LOOK = Duration.ofMillis(20);

    private final Supplier<? extends T> factory;
    private final Set<Thread> entered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Thread first;

    /**
     * @param factory what creates the value once a creation is released
     */
    public HeldCreation(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        Thread me = Thread.currentThread();
        entered.add(me);
        synchronized (this) {
            if (first == null) {
                first = me;
            }
        }
        firstEntered.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                released.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // held like a pool start that does not answer interrupts
            }
        }
        if (interrupted) {
            me.interrupt();
        }
        return factory.get();
    }

    /**
     * Waits until a first thread has entered the factory.
     *
     * @param bound the longest wait
     * @return the first thread that entered: the creator
     * @throws AssertionError if none entered within the bound
     */
    public Thread awaitCreator(Duration bound) throws InterruptedException {
        if (!firstEntered.await(bound.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("no thread entered the factory within " + bound);
        }
        return first;
    }

    /**
     * @param thread a thread
     * @return whether it entered the factory
     */
    public boolean entered(Thread thread) {
        return entered.contains(thread);
    }

    /** @return every thread that entered the factory so far */
    public Set<Thread> creators() {
        return Set.copyOf(entered);
    }

    /** Lets every held creation, and every later one, go on. */
    public void release() {
        released.countDown();
    }

    /** @return whether {@link #release()} was called */
    public boolean released() {
        return released.getCount() == 0;
    }

    /**
     * Where a later caller of the holder stands while the creator is held.
     *
     * @param waiting whether it is waiting for the creator (else it entered the factory itself)
     * @param how the evidence, in words
     */
    public record Role(boolean waiting, String how) {
        @Override
        public String toString() {
            return how;
        }
    }

    /**
     * Watches a thread that called the holder after the creator entered, until it shows where it stands: it entered
     * the factory itself (a creator too), or it waits for the creator. Waiting is proven, not assumed: the thread
     * has not entered the factory, stands inside the holder's {@code get()}, uses no CPU for {@value #STILL_LOOKS}
     * looks in a row, and is blocked on no lock but one the creator holds. Its state is BLOCKED on a monitor, WAITING
     * on a {@code ReentrantLock}, or (class initialization, which HotSpot reports as RUNNABLE) RUNNABLE without
     * using CPU.
     *
     * @param thread the later caller
     * @param holder the holder it called
     * @param creator the thread inside the factory
     * @param bound the longest wait
     * @return where it stands
     * @throws AssertionError if it shows neither within the bound, or finished without either
     */
    public Role awaitRole(Thread thread, Object holder, Thread creator, Duration bound) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuKnown = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long deadline = System.nanoTime() + bound.toNanos();
        long lastCpu = Long.MIN_VALUE;
        int still = 0;
        String last = "not looked at";
        while (System.nanoTime() < deadline) {
            if (entered(thread)) {
                return new Role(false, thread.getName() + " entered the factory itself");
            }
            if (!thread.isAlive()) {
                throw new AssertionError(thread.getName() + " finished without entering the factory or waiting");
            }
            ThreadInfo info = threads.getThreadInfo(thread.getId(), Integer.MAX_VALUE);
            if (info == null) { // it ended between the two looks: the next one says how
                continue;
            }
            long cpu = cpuKnown ? threads.getThreadCpuTime(thread.getId()) : -1;
            boolean noCpu = cpuKnown && cpu == lastCpu;
            lastCpu = cpu;
            String frame = frameIn(info.getStackTrace(), holder.getClass());
            long owner = info.getLockOwnerId();
            boolean onCreatorsLock = owner == creator.getId();
            boolean stuck = switch (info.getThreadState()) {
                case BLOCKED, WAITING -> onCreatorsLock || owner == -1 && (noCpu || !cpuKnown);
                case RUNNABLE -> owner == -1 && noCpu;
                default -> false;
            };
            if (frame != null && stuck && !entered(thread)) {
                still++;
            } else {
                still = 0;
            }
            last = info.getThreadState() + (onCreatorsLock ? " on " + info.getLockName() + ", held by the creator"
                    : info.getLockName() != null ? " on " + info.getLockName() : "")
                    + (frame == null ? ", outside the holder's get()" : " in " + frame)
                    + (noCpu ? ", using no CPU" : "");
            if (still >= STILL_LOOKS) {
                return new Role(true, thread.getName() + " waits for the creator: " + last + ", never entered the"
                        + " factory");
            }
            TimeUnit.NANOSECONDS.sleep(LOOK.toNanos());
        }
        throw new AssertionError(thread.getName() + " neither entered the factory nor waited for the creator within "
                + bound + " (last seen " + last + ")");
    }

    /** @return the holder's {@code get()} frame (the class or one of its superclasses), or {@code null} */
    private static String frameIn(StackTraceElement[] stack, Class<?> holderClass) {
        return Arrays.stream(stack)
                .filter(f -> f.getMethodName().equals("get") && declaredBy(holderClass, f.getClassName()))
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + ".get()")
                .findFirst().orElse(null);
    }

    private static boolean declaredBy(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
