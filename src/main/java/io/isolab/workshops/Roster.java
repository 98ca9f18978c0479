package io.isolab.workshops;

import java.time.Instant;
import java.util.List;

/** The live roster of a workshop: every learner × every step of its labs (JSON of the roster page). */
public record Roster(long workshopId, String title, Workshop.Phase phase, Instant now, List<LabColumn> labs,
                     List<Row> learners) {

    public record LabColumn(String id, String title, int steps) {
    }

    /** One learner; {@code currentLab}/{@code currentStep} is where they worked last. */
    public record Row(long participant, String name, String currentLab, Integer currentStep, Long idleSeconds,
                      List<Cell> cells) {
    }

    /** status: "none" (not opened), "started", "done"; seconds: started → completed (or → now while started). */
    public record Cell(String lab, int step, String status, int attempts, int failedChecks, Instant startedAt,
                       Instant completedAt, Long seconds) {
    }
}
