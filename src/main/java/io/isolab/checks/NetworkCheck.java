package io.isolab.checks;

import java.util.List;

/** A Docker network of the sandbox's engine, optionally with a driver and member containers. */
public record NetworkCheck(String name, String driver, List<String> contains) implements Check {

    @Override
    public String label() {
        return "network " + Check.code(name) + " exists"
                + (driver != null ? " with driver " + driver : "")
                + (contains.isEmpty() ? "" : " and connects " + String.join(", ", contains.stream().map(Check::code).toList()));
    }
}
