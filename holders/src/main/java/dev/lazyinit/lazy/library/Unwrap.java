package dev.lazyinit.lazy.library;

import org.apache.commons.lang3.concurrent.ConcurrentException;

/** commons-lang3 wraps what the initializer threw in a checked exception; give callers the original back. */
final class Unwrap {

    private Unwrap() {
    }

    static RuntimeException unchecked(ConcurrentException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getMessage(), cause != null ? cause : e);
    }
}
