package dev.lazyinit.store;

import java.util.List;

/**
 * The service's store: a few real operations over a database it owns a connection pool to.
 *
 * <p>Creating one is expensive (it opens a pool and ensures the schema), which is why services create it
 * lazily and share it, and why creating it twice by accident costs a whole extra pool.
 */
public interface Store extends AutoCloseable {

    /**
     * Adds an entry.
     *
     * @param body the text to store
     * @return the new entry's id
     */
    long add(String body);

    /**
     * Reads the newest entries.
     *
     * @param limit how many at most
     * @return newest first
     */
    List<Entry> latest(int limit);

    /** @return how many entries exist */
    long count();

    /** Closes the pool. Idempotent. */
    @Override
    void close();
}
