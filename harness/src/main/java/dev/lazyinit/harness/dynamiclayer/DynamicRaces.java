package dev.lazyinit.harness.dynamiclayer;

import com.vmlens.api.AllInterleavings;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

/**
 * The program the dynamic layer traces ({@link DynamicLayer}): for each strategy named on the command line, every
 * interleaving of two threads calling {@code get()} on one cold holder, under VMLens' agent. Each
 * {@link AllInterleavings} block is named after its strategy, so the report says which strategy a race is in.
 *
 * <p>What could go wrong, and what shows it: a holder that publishes its value through a field read without a
 * happens-before edge (no {@code volatile}, lock or atomic between the write and the other thread's read). VMLens
 * records every field access and synchronisation action of both threads, and reports a read and a write of one
 * field that are not ordered by happens-before as a data race, whatever the hardware: on x86 as on Arm.
 */
public final class DynamicRaces {

    /** What the holders create: a small resource, so the trace holds the holder's own accesses and little else. */
    static final class Resource implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    private DynamicRaces() {
    }

    /**
     * @param args strategy names, as the registry spells them
     * @throws InterruptedException if interrupted while joining the second thread
     */
    public static void main(String[] args) throws InterruptedException {
        for (String name : args) {
            Strategy s = Strategy.valueOf(name);
            try (AllInterleavings interleavings = new AllInterleavings(name)) {
                while (interleavings.hasNext()) {
                    Lazy<Resource> holder = s.newHolder(Resource::new);
                    Thread other = new Thread(holder::get);
                    other.start();
                    holder.get();
                    other.join();
                    holder.close();
                }
            }
        }
    }
}
