package dev.lazyinit.lazy.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.commons.lang3.concurrent.ConcurrentException;
import org.junit.jupiter.api.Test;

/**
 * How the commons-lang3 adapters turn the library's checked {@link ConcurrentException} back into what the factory
 * threw. Through the adapters only a checked cause occurs (see {@code HolderContractTest}); here every kind of cause
 * a {@code ConcurrentException} can carry, each of which must come back as itself where the caller can take it so.
 */
class UnwrapTest {

    @Test
    void aCheckedCauseComesBackInsideAnIllegalStateException() {
        IOException cause = new IOException("disk full");
        RuntimeException r = Unwrap.unchecked(new ConcurrentException(cause));
        assertThat(r).isInstanceOf(IllegalStateException.class).cause().isSameAs(cause);
        assertThat(r.getMessage()).contains("disk full");
    }

    @Test
    void anUncheckedCauseComesBackAsItself() {
        IllegalArgumentException cause = new IllegalArgumentException("bad setting");
        assertThat(Unwrap.unchecked(withCause(cause))).isSameAs(cause);
    }

    @Test
    void anErrorCauseIsThrownAsItself() {
        OutOfMemoryError cause = new OutOfMemoryError("simulated");
        assertThatThrownBy(() -> Unwrap.unchecked(withCause(cause))).isSameAs(cause);
    }

    @Test
    void withoutACauseTheLibraryExceptionItselfIsTheCause() {
        ConcurrentException e = new ConcurrentException("no cause");
        RuntimeException r = Unwrap.unchecked(e);
        assertThat(r).isInstanceOf(IllegalStateException.class).hasMessage("no cause").cause().isSameAs(e);
    }

    /** The constructors with a cause accept only checked ones; {@code initCause} takes any. */
    private static ConcurrentException withCause(Throwable cause) {
        ConcurrentException e = new ConcurrentException("wrapped");
        e.initCause(cause);
        return e;
    }
}
