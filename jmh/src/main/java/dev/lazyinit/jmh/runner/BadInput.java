package dev.lazyinit.jmh.runner;

/**
 * Input the person running the suite can fix (a JDK that is not there, a JMH option JMH refuses, a folder without
 * results): the command line prints the message, with no stack trace, and exits with 2.
 */
public final class BadInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }

    BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
