package dev.lazyinit.harness.support;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique pool and application names, so each test counts only its own threads and connections. */
public final class Names {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    private Names() {
    }

    /**
     * @param prefix what the name is for
     * @return a name unique in this JVM and distinct from other JVMs' runs
     */
    public static String unique(String prefix) {
        return ("li-" + prefix + "-" + RUN + "-" + SEQ.incrementAndGet()).toLowerCase(Locale.ROOT);
    }
}
