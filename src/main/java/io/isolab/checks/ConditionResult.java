package io.isolab.checks;

/**
 * The outcome of one condition.
 *
 * @param label   what was checked, in the learner's words ("a process `sleep 1000` runs")
 * @param passed  whether the live state satisfies it
 * @param reason  why it failed ("container `db` has no memory limit (expected 100 MiB)"), null when passed
 * @param hint    the author's hint, shown when it failed, or null
 * @param output  script output on failure, or null
 */
public record ConditionResult(String label, boolean passed, String reason, String hint, String output) {
}
