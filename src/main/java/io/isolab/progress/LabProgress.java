package io.isolab.progress;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A learner's progress through one lab of {@code stepCount} steps. */
public record LabProgress(String labId, int stepCount, List<StepProgress> steps) {

    public enum Status { NONE, IN_PROGRESS, DONE }

    public Set<Integer> completedSteps() {
        Set<Integer> done = new TreeSet<>();
        steps.stream().filter(StepProgress::completed).forEach(s -> done.add(s.step()));
        return done;
    }

    public int completedCount() {
        return (int) completedSteps().stream().filter(n -> n >= 1 && n <= stepCount).count();
    }

    /** The first step not yet passed (the last step once all have passed). */
    public int currentStep() {
        Set<Integer> done = completedSteps();
        for (int n = 1; n <= stepCount; n++) {
            if (!done.contains(n)) return n;
        }
        return Math.max(1, stepCount);
    }

    public Status status() {
        if (stepCount > 0 && completedCount() == stepCount) return Status.DONE;
        return steps.isEmpty() ? Status.NONE : Status.IN_PROGRESS;
    }

    public int percent() {
        return stepCount == 0 ? 0 : completedCount() * 100 / stepCount;
    }
}
