package io.isolab.checks;

/**
 * An expected cgroup limit: none, any, or an exact value (bytes, pids, or milli-CPUs by context).
 */
public record Limit(Mode mode, long value) {

    public enum Mode { NONE, ANY, EXACT }

    public static Limit exact(long value) {
        return new Limit(Mode.EXACT, value);
    }
}
