package io.isolab.checks;

import java.util.regex.Pattern;

/** A file in the sandbox or, with {@code container}, in an inner container (read with docker cp). */
public record FileCheck(String path, boolean exists, String contains, Pattern matches, String container)
        implements Check {

    public String where() {
        return "file " + path + (container != null ? " in container " + Check.code(container) : "");
    }

    @Override
    public String label() {
        if (!exists) return where() + " does not exist";
        if (contains != null) return where() + " contains " + Check.code(contains);
        if (matches != null) return where() + " matches " + Check.code(matches.pattern());
        return where() + " exists";
    }
}
