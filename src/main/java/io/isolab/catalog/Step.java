package io.isolab.catalog;

import java.util.List;

/**
 * One step of a lab.
 *
 * @param number     1-based position
 * @param html       the step text, rendered and sanitized
 * @param poll       check continuously while the learner works
 * @param setup      shell run hidden in the sandbox when the step starts (native setup, scenario background), or null
 * @param foreground shell typed into terminal 1 when the step starts (scenario foreground), or null
 * @param checks     conditions, in order
 * @param solution   shell that solves the step (typed into a terminal by lab tests and "resume")
 * @param answers    for lab tests: one shell command per answer condition printing the right answer
 * @param source     the file the step came from, relative to labs/ (for error messages)
 */
public record Step(int number, String slug, String title, String html, boolean poll, String setup,
                   String foreground, List<Condition> checks, String solution, List<String> answers,
                   String source) {
}
