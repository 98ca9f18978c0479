package io.isolab.bench.host;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for a condition with a generous deadline: the box is a loaded 2-core machine. */
public final class Deadline {

    private Deadline() {
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up after " + limit.toSeconds() + " s waiting for " + what);
            }
            sleep(200);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
