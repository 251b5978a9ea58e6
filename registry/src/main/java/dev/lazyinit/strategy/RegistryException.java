package dev.lazyinit.strategy;

/**
 * The registry could not be loaded as the class path describes it: a provider that cannot be found or throws, two
 * strategies of one name, a guarantee name the suite does not know. Nothing runs on a half-loaded registry.
 */
public final class RegistryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
