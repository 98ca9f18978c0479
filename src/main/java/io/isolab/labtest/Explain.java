package io.isolab.labtest;

import io.isolab.checks.ConditionResult;
import io.isolab.checks.StepResult;
import java.util.List;

/** Failure text an author can act on: which conditions, why, and what the terminal showed. */
final class Explain {
    private static final int TAIL_LINES = 30;

    private Explain() {
    }

    /** One line per condition, ✗ with reason, hint and script output for failing ones. */
    static String conditions(StepResult result, boolean onlyFailing) {
        StringBuilder b = new StringBuilder();
        for (ConditionResult c : result.conditions()) {
            if (onlyFailing && c.passed()) continue;
            b.append(c.passed() ? "✓ " : "✗ ").append(c.label());
            if (!c.passed() && c.reason() != null) b.append(": ").append(c.reason());
            b.append('\n');
            if (!c.passed() && c.hint() != null) b.append("    hint: ").append(c.hint().strip()).append('\n');
            if (!c.passed() && c.output() != null && !c.output().isBlank()) {
                b.append("    output:\n").append(c.output().strip().indent(6));
            }
        }
        return b.toString();
    }

    static String answers(List<String> answers, List<String> answerErrors) {
        if (answers.isEmpty()) return "";
        StringBuilder b = new StringBuilder("answers typed: ").append(answers.stream().map(a -> "'" + a + "'").toList()).append('\n');
        answerErrors.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    static String terminalTail(Terminal terminal) {
        String tail = terminal.transcript().tail(TAIL_LINES);
        String closed = terminal.closedBecause() == null ? "" : " (closed by the agent: " + terminal.closedBecause() + ")";
        return "terminal 1, last lines" + closed + ":\n" + (tail.isEmpty() ? "(nothing printed)" : tail).indent(2).replaceAll("(?m)^  ", "  | ");
    }

    static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
