package dev.lazyinit.jcstress.shared;

/**
 * What the proofs lazily create instead of a real store: a cheap {@link AutoCloseable} shaped like one.
 *
 * <p>Its two fields are deliberately <b>not final</b> and are written by the constructor. A final field is
 * frozen at the end of the constructor and would be seen correctly even through a racy publication
 * (JLS 17.5); plain fields are not, so a reader that gets this object without a happens-before edge may see
 * {@code port == 0} or {@code maxPoolSize == 0}: a partly built pool. That is what the publication proofs
 * look for.
 *
 * <p>{@link #close()} only raises a flag, so the proofs can tell afterwards which created values were
 * closed and which were left open (a leaked pool).
 */
public final class PoolStandIn implements AutoCloseable {

    static final int PORT = 5432;
    static final int MAX_POOL_SIZE = 10;

    int port;        // not final on purpose: see the class comment
    int maxPoolSize; // not final on purpose
    private volatile boolean closed;

    /** Builds a "pool": two plain writes the publication proofs can catch half done. */
    public PoolStandIn() {
        port = PORT;
        maxPoolSize = MAX_POOL_SIZE;
    }

    /** @return whether both constructor writes are visible to the calling thread */
    public boolean fullyBuilt() {
        return port == PORT && maxPoolSize == MAX_POOL_SIZE;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
