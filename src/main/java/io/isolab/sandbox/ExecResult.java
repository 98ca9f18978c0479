package io.isolab.sandbox;

/** What a command run inside a sandbox returned. */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }
}
