package io.isolab.sandbox;

/** A running terminal of a sandbox: whether the learner's socket is attached, how many watch it. */
public record TerminalInfo(String name, boolean attached, int watchers) {
}
