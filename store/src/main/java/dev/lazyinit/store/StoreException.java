package dev.lazyinit.store;

/**
 * A store could not be created or used. The message names the target (host, port, database, user) and
 * never the password.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the target
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
