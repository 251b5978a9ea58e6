package dev.lazyinit.jcstress.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A factory that counts its calls and remembers every value it created, so that an arbiter can tell how
 * many pools were opened and which of them are still open. Optionally its first call fails.
 *
 * <p>Not used by the publication proofs: its atomic counter is a fence between the constructor's writes
 * and the holder's publishing write, and would hide exactly the reordering those proofs look for.
 */
public final class CountingFactory implements Supplier<PoolStandIn> {

    private static final int REMEMBERED = 8; // two actors and an arbiter cannot create more

    private final boolean failFirstCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReferenceArray<PoolStandIn> created = new AtomicReferenceArray<>(REMEMBERED);

    private CountingFactory(boolean failFirstCall) {
        this.failFirstCall = failFirstCall;
    }

    /** @return a factory that creates a value on every call */
    public static CountingFactory creating() {
        return new CountingFactory(false);
    }

    /** @return a factory whose first call throws {@link FactoryFailure} and whose later calls create */
    public static CountingFactory failingFirst() {
        return new CountingFactory(true);
    }

    @Override
    public PoolStandIn get() {
        int call = calls.getAndIncrement();
        if (failFirstCall && call == 0) {
            throw new FactoryFailure();
        }
        PoolStandIn value = new PoolStandIn();
        if (call < REMEMBERED) {
            created.set(call, value);
        }
        return value;
    }

    /** @return how many times the factory was called, failed calls included */
    public int calls() {
        return calls.get();
    }

    /** @return every value the factory created, in creation order */
    public List<PoolStandIn> created() {
        List<PoolStandIn> values = new ArrayList<>();
        for (int i = 0; i < REMEMBERED; i++) {
            PoolStandIn v = created.get(i);
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    /** @return how many created values are still open */
    public long openCount() {
        return created().stream().filter(v -> !v.isClosed()).count();
    }
}
