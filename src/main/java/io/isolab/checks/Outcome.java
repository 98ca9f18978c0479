package io.isolab.checks;

/** What evaluating one typed condition found: passed, or the learner-facing reason (and script output). */
public record Outcome(boolean passed, String reason, String output) {

    public static Outcome pass() {
        return new Outcome(true, null, null);
    }

    public static Outcome fail(String reason) {
        return new Outcome(false, reason, null);
    }

    public static Outcome fail(String reason, String output) {
        return new Outcome(false, reason, output);
    }
}
