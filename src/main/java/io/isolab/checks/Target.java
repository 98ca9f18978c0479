package io.isolab.checks;

import java.util.regex.Pattern;

/**
 * Whose namespace: the sandbox's init (both fields null), processes whose cmdline matches
 * {@code command}, or the processes of an inner container.
 */
public record Target(Pattern command, String container) {

    public static final Target SANDBOX = new Target(null, null);

    public boolean sandbox() {
        return command == null && container == null;
    }

    public String describe() {
        if (sandbox()) return "the sandbox";
        if (command != null) return Check.code(command.pattern());
        return "container " + Check.code(container);
    }
}
