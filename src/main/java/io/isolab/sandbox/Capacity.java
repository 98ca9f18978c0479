package io.isolab.sandbox;

/** How many sandboxes an agent runs and could run. */
public record Capacity(int running, int possible, Pool pool, Long memoryBytesPerSandbox, String diskLimit) {

    public record Pool(int ready, int target) {
    }
}
