package io.isolab.agent.exec;

/** Outcome of a command run inside a sandbox; stdout and stderr are kept apart. */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {
}
