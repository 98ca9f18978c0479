package io.isolab.progress;

import java.time.Instant;

/** One learner's record of one step: how often they checked, how often it failed, when it passed. */
public record StepProgress(String labId, int step, int attempts, int failedChecks, Instant startedAt,
                           Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }
}
