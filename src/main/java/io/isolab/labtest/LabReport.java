package io.isolab.labtest;

import java.util.List;

/**
 * How one lab did.
 *
 * @param error    why the lab could not be tested at all (sandbox, assets, setup), or null
 * @param warnings things an author should know that do not fail the lab (an asset matching no file)
 */
public record LabReport(String labId, List<StepReport> steps, String error, List<String> warnings, double seconds) {

    public boolean passed() {
        return error == null && steps.stream().noneMatch(StepReport::failed);
    }

    /** Every failure of this lab as text for a terminal or a JUnit message. */
    public String failureText() {
        StringBuilder b = new StringBuilder();
        if (error != null) b.append("FAIL ").append(labId).append(": ").append(error).append('\n');
        for (StepReport s : steps) {
            if (s.failed()) b.append(s.summary()).append('\n').append(s.details().indent(2));
        }
        return b.toString().stripTrailing();
    }
}
