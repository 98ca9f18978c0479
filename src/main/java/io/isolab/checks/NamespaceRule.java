package io.isolab.checks;

/** process.namespace: the process's {@code type} namespace is (or is not) the one of {@code other}. */
public record NamespaceRule(String type, boolean same, Target other) {
}
