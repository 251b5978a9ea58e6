package dev.lazyinit.harness.contract;

/**
 * A file the suite's modules hand to each other. Its first field names its kind and version, for example
 * {@code lazyinit-verdicts/1}, so that a reader can refuse a file it does not understand instead of misreading it.
 */
public interface Versioned {

    /** @return the kind and version this file was written in */
    String format();
}
