package dev.lazyinit.harness.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the store layer's teeth file afresh when a test run starts, before any test class: without it, the rows of
 * an earlier run would stay in the file when a check no longer runs (skipped, renamed, removed), and an old CAUGHT
 * would stand for a check that caught nothing this time. Registered for every test class by JUnit's extension
 * autodetection ({@code junit-platform.properties} and {@code META-INF/services}); acts once per JVM.
 */
public final class TeethRun implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        StoreTeeth.startRunOnce();
    }
}
