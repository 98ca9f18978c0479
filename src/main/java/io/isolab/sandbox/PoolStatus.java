package io.isolab.sandbox;

/** The agent's warm pool: sandboxes ready, being started, and the target it fills to. */
public record PoolStatus(int ready, int starting, int target) {
}
