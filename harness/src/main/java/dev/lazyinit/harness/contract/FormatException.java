package dev.lazyinit.harness.contract;

import java.io.IOException;

/** A file that is not in the format this build reads: written by another version of the suite, or not ours. */
public final class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    FormatException(String message) {
        super(message);
    }

    FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
