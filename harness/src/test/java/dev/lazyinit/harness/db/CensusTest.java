package dev.lazyinit.harness.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The settling count, on scripted readings: what the server would show while two pools fill their connections one
 * after the other.
 */
class CensusTest {

    static final Duration BOUND = Duration.ofSeconds(5);
    static final Duration POLL = Duration.ofMillis(1);

    /** Plays the readings in order and then keeps the last one. */
    static IntSupplier readings(int... values) {
        AtomicInteger next = new AtomicInteger();
        return () -> values[Math.min(next.getAndIncrement(), values.length - 1)];
    }

    /**
     * Two pools of two connections, each with its first connection open: the server shows 2, the number one full
     * pool holds, before the second connections arrive. A count that stops at the first look showing 2 calls
     * that one pool; the settled count waits until the number stops moving and finds both.
     */
    @Test
    void twoHalfFilledPoolsDoNotPassForOneFullPool() {
        Census.Settled settled = Census.settle(readings(2, 2, 3, 4), BOUND, POLL, 4);
        assertThat(settled.count()).as("settled: %s", settled).isEqualTo(4);
        assertThat(settled.settled()).isTrue();
        assertThat(settled.readings()).containsExactly(2, 3, 4);
    }

    @Test
    void aCountSettlesOnlyAfterEnoughEqualLooksInARow() {
        Census.Settled settled = Census.settle(readings(1, 2, 2, 2, 2), BOUND, POLL, 4);
        assertThat(settled.count()).isEqualTo(2);
        assertThat(settled.looks()).as("one look at 1, then four at 2").isEqualTo(5);
    }

    @Test
    void aCountThatNeverStopsMovingSaysSo() {
        AtomicInteger flip = new AtomicInteger();
        Census.Settled settled = Census.settle(() -> flip.getAndIncrement() % 2, Duration.ofMillis(200), POLL, 4);
        assertThat(settled.settled()).as("settled: %s", settled).isFalse();
        assertThat(settled.toString()).contains("still moving");
    }
}
