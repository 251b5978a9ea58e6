package dev.lazyinit.harness;

import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.store.StoreConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The factory a holder calls to create the real store, recording every call and every store it built, so a
 * test or benchmark can check afterwards that each store was either handed out or closed.
 */
public final class RecordingStoreFactory implements Supplier<PostgresStore> {

    private final StoreConfig config;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<PostgresStore> created = new CopyOnWriteArrayList<>();

    /**
     * @param config what every store is created with
     */
    public RecordingStoreFactory(StoreConfig config) {
        this.config = config;
    }

    @Override
    public PostgresStore get() {
        calls.incrementAndGet();
        PostgresStore store = new PostgresStore(config);
        created.add(store);
        return store;
    }

    /** @return how many times the factory was called, including calls that failed */
    public int calls() {
        return calls.get();
    }

    /** @return every store created so far, in order */
    public List<PostgresStore> created() {
        return List.copyOf(created);
    }

    /** @return the stores created and not closed */
    public List<PostgresStore> open() {
        return created.stream().filter(s -> !s.isClosed()).toList();
    }

    /** @return the configuration */
    public StoreConfig config() {
        return config;
    }

    /** Closes every store this factory created: the clean-up after a broken control leaked some. */
    public void closeAll() {
        created.forEach(PostgresStore::close);
    }

    @Override
    public String toString() {
        return "RecordingStoreFactory[" + config.poolName() + "]";
    }
}
