package dev.lazyinit.jcstress.gate;

import java.util.List;

/**
 * How much JCStress runs: the gate's settings ({@code mvn verify}) or a release run. The JCStress options of
 * each are spelled out below; JCStress 0.16's "quick" preset, which both start from, is 5 iterations of 200 ms
 * per fork, one fork per JVM configuration, heap pre-touched, split compilation on, and every JVM configuration
 * JCStress detects.
 */
enum Mode {

    /**
     * The build's gate, tuned for the 10-minute budget on a 2-CPU machine. {@code -jvmArgs} replaces JCStress's
     * auto-detected JVM configurations with one: the default tiered JIT (actors reach C2 within the first few
     * hundred ms, and forks start faster than with C2 only); JCStress doubles it into {@code +/-UseBiasedLocking}
     * on JDKs that still have biased locking. One compilation mode for both actors ({@code -sc false}), one fork
     * with one half-second iteration, no heap pre-touch, 2 CPUs: about 5 s per fork on an idle 2-CPU machine
     * instead of ~55 s per test for plain "-m quick". With 6 strategies a 1-second iteration took the JDK 17 gate
     * (62 forks) to 8 min 19 s; with 13 strategies (122 forks on JDK 17) the half-second iteration keeps it near
     * the 10-minute budget. The printed sample counts show the strength of every verdict.
     */
    GATE("-m", "quick", "-c", "2", "-f", "1", "-iters", "1", "-time", "500", "-sc", "false", "-pth", "false",
            "-jvmArgs", "-XX:+UnlockDiagnosticVMOptions -XX:+TieredCompilation"),

    /**
     * Release runs: the quick preset with everything JCStress varies, on 2 CPUs. JCStress picks the JVM
     * configurations itself: the default JVM with split compilation (the actors interpreted, C1- or C2-compiled
     * independently of each other) and, where C2 exists, C2 with its stress randomizers (StressLCM, StressGCM,
     * StressIGVN, StressCCP where the JDK has them); without compiler directives it falls back to the
     * interpreter, C1 only, C2 only and C2 with the randomizers. Each is doubled into {@code +/-UseBiasedLocking}
     * on JDKs that have it.
     */
    DEEP("-m", "quick", "-c", "2");

    private final List<String> options;

    Mode(String... options) {
        this.options = List.of(options);
    }

    /** @return the JCStress options this mode runs with (before the gate adds the report folder and test filter) */
    List<String> options() {
        return options;
    }

    /** @return the name {@code --mode} takes */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
