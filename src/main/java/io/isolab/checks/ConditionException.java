package io.isolab.checks;

import java.util.List;

/** A condition as written cannot be understood; the message lists every problem with file:line. */
public class ConditionException extends IllegalArgumentException {
    private final List<String> problems;

    public ConditionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
