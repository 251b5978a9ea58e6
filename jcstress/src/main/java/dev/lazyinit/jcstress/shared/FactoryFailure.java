package dev.lazyinit.jcstress.shared;

/** What a factory throws when "the database is down": the failure the failure proofs inject. */
public final class FactoryFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the injected failure; no stack trace, it is thrown millions of times. */
    public FactoryFailure() {
        super("injected: the database is down", null, false, false);
    }
}
