package io.isolab.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A process runs (optionally inside a container) with the given namespace, seccomp and capabilities. */
public record ProcessCheck(Pattern command, String container, NamespaceRule namespace, Integer seccomp,
                           String capEff, List<String> capAdded, List<String> capDropped) implements Check {

    public String subject() {
        return command != null ? Check.code(command.pattern()) : "a process";
    }

    @Override
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add((command != null ? "a process " + subject() : "a process") + " runs"
                + (container != null ? " in container " + Check.code(container) : ""));
        if (namespace != null) {
            parts.add(namespace.same()
                    ? "in the " + namespace.type() + " namespace of " + namespace.other().describe()
                    : "in a " + namespace.type() + " namespace of its own (not "
                      + (namespace.other().sandbox() ? "the sandbox's" : "the one of " + namespace.other().describe()) + ")");
        }
        if (seccomp != null) parts.add("with seccomp mode " + seccomp);
        if (capEff != null) parts.add("with effective capabilities " + capEff);
        if (!capAdded.isEmpty()) parts.add("with " + String.join(", ", capAdded));
        if (!capDropped.isEmpty()) parts.add("without " + String.join(", ", capDropped));
        return String.join(", ", parts);
    }
}
