package io.isolab.checks;

/** Two processes share (or do not share) a namespace of one type. */
public record NamespaceCheck(String type, Target a, Target b, boolean shared) implements Check {

    @Override
    public String label() {
        return a.describe() + " and " + b.describe() + (shared ? " share one " : " have separate ") + type
                + " namespace" + (shared ? "" : "s");
    }
}
