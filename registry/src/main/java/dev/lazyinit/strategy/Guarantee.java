package dev.lazyinit.strategy;

/**
 * A property a strategy promises. Tests and proofs read these from the {@link Strategy} registry and check
 * each one; a strategy without a property is tested for the documented opposite where that is observable.
 */
public enum Guarantee {

    /** No thread ever sees {@code null} or a partly constructed value from {@code get()}. */
    SAFE_PUBLICATION("safe publication", "no thread sees null or a partly built value"),

    /**
     * Every {@code get()} returns the one value the holder installed: racing callers never walk away with
     * different values (a lock, the class-init lock or a compare-and-set decides which value is the value).
     */
    SAME_INSTANCE("same instance", "every caller gets the one value the holder installed"),

    /** The factory runs exactly once, however many threads arrive at the cold holder together. */
    EXACTLY_ONCE("exactly-once", "the factory runs once, however many threads race"),

    /**
     * The factory may run more than once under a race, but every value that lost is closed before
     * {@code get()} returns: extra pools are opened, never leaked.
     */
    CLOSES_DUPLICATES("closes duplicates", "may create more than one value, closes every extra"),

    /** After the factory threw, a later {@code get()} calls the factory again. */
    RETRIES_AFTER_FAILURE("retries after failure", "a failed creation is tried again on the next get()"),

    /** {@code close()} closes the value and no value is created after it. */
    CLOSEABLE("closeable", "close() closes the value; nothing is created after close()"),

    /** Each holder instance has its own value and configuration (not one per class). */
    PER_INSTANCE("per instance", "one value per holder object, configured per instance"),

    /**
     * A thread waiting for another thread's creation can give up: interrupted, it stops waiting and gets an
     * exception with its interrupt flag set, instead of sitting out a slow pool start.
     */
    WAITERS_CAN_GIVE_UP("waiters can give up", "an interrupted waiter stops waiting for another thread's creation");

    private final String label;
    private final String meaning;

    Guarantee(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** @return a short name for tables */
    public String label() {
        return label;
    }

    /** @return one sentence saying what holds */
    public String meaning() {
        return meaning;
    }
}
