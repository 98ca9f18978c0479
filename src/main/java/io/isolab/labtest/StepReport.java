package io.isolab.labtest;

/**
 * How one step did.
 *
 * @param summary one line: "lab/step N title: fails before ✓, passes after ✓ (12.3 s)"
 * @param details for failures: the failing conditions with reasons, answers and the terminal tail; else empty
 * @param fatal   the lab's later steps cannot run on the state this step left (its solution did not work)
 */
public record StepReport(int number, String title, Status status, String summary, String details, boolean fatal) {

    public enum Status { PASSED, SKIPPED, FAILED }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
