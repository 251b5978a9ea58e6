package dev.lazyinit.harness.db;

/** Where the PostgreSQL server comes from. */
public enum Backend {
    /** A server given by URL: the user's own. */
    URL,
    /** io.zonky embedded PostgreSQL: a real server binary from a Maven artifact, started per JVM. The default. */
    EMBEDDED,
    /** Testcontainers' PostgreSQL container; needs a Docker engine. Used only when asked for. */
    TESTCONTAINERS
}
