package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/** The holder idiom class used directly, as the tests, proofs and benchmarks do through its fresh copies. */
class HolderIdiomConfigureTest {

    @Test
    void aGetBeforeConfigureSaysWhatIsMissing() throws Exception {
        Class<?> copy = FreshClassLoader.freshCopyOf(HolderIdiom.class); // never configured
        Throwable thrown = catchThrowable(() -> copy.getMethod("get").invoke(null));
        assertThat(thrown).isInstanceOf(InvocationTargetException.class);
        assertThat(thrown.getCause()).as("what get() threw").isInstanceOf(ExceptionInInitializerError.class);
        assertThat(thrown.getCause().getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure(factory) was not called");
        assertThat(copy.getMethod("isInitialized").invoke(null)).isEqualTo(false);
    }
}
