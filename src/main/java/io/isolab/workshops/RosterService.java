package io.isolab.workshops;

import io.isolab.catalog.Lab;
import io.isolab.player.LabSource;
import io.isolab.progress.ProgressRepository;
import io.isolab.progress.StepProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Builds a workshop's roster from the progress tables; nothing is cached, so every poll is current. */
@Service
public class RosterService {
    private final WorkshopRepository workshops;
    private final ProgressRepository progress;
    private final LabSource labs;

    public RosterService(WorkshopRepository workshops, ProgressRepository progress, LabSource labs) {
        this.workshops = workshops;
        this.progress = progress;
        this.labs = labs;
    }

    public Roster roster(Workshop workshop) {
        Instant now = Instant.now();
        List<Roster.LabColumn> columns = workshop.labIds().stream()
                .map(id -> labs.lab(id).map(l -> new Roster.LabColumn(l.id(), l.title(), l.steps().size()))
                        .orElse(new Roster.LabColumn(id, id + " (missing)", 0)))
                .toList();
        List<Roster.Row> rows = workshops.participants(workshop.id()).stream()
                .map(p -> row(p, columns, now)).toList();
        return new Roster(workshop.id(), workshop.title(), workshop.phase(now), now, columns, rows);
    }

    private Roster.Row row(Participant participant, List<Roster.LabColumn> columns, Instant now) {
        Map<String, List<StepProgress>> byLab = progress.byLab(participant.learnerId());
        List<Roster.Cell> cells = new ArrayList<>();
        for (Roster.LabColumn lab : columns) {
            List<StepProgress> steps = byLab.getOrDefault(lab.id(), List.of());
            for (int n = 1; n <= lab.steps(); n++) {
                int step = n;
                cells.add(steps.stream().filter(s -> s.step() == step).findFirst()
                        .map(s -> cell(s, now))
                        .orElse(new Roster.Cell(lab.id(), step, "none", 0, 0, null, null, null)));
            }
        }
        Optional<StepProgress> last = byLab.entrySet().stream()
                .filter(e -> columns.stream().anyMatch(c -> c.id().equals(e.getKey())))
                .flatMap(e -> e.getValue().stream())
                .max(Comparator.comparing(RosterService::lastActivity));
        Long idle = last.map(s -> Duration.between(lastActivity(s), now).toSeconds()).orElse(null);
        String currentLab = last.map(StepProgress::labId).orElse(null);
        Integer currentStep = last.map(s -> current(byLab.get(s.labId()), columns, s.labId())).orElse(null);
        return new Roster.Row(participant.id(), participant.displayName(), currentLab, currentStep, idle, cells);
    }

    /** The first step of the lab not yet done (the last one when all are). */
    private static int current(List<StepProgress> steps, List<Roster.LabColumn> columns, String labId) {
        int count = columns.stream().filter(c -> c.id().equals(labId)).findFirst().map(Roster.LabColumn::steps).orElse(1);
        for (int n = 1; n <= count; n++) {
            int step = n;
            if (steps.stream().noneMatch(s -> s.step() == step && s.completed())) return n;
        }
        return Math.max(1, count);
    }

    private static Roster.Cell cell(StepProgress s, Instant now) {
        Instant end = s.completed() ? s.completedAt() : now;
        return new Roster.Cell(s.labId(), s.step(), s.completed() ? "done" : "started", s.attempts(),
                s.failedChecks(), s.startedAt(), s.completedAt(), Duration.between(s.startedAt(), end).toSeconds());
    }

    private static Instant lastActivity(StepProgress s) {
        return s.completedAt() != null && s.completedAt().isAfter(s.startedAt()) ? s.completedAt() : s.startedAt();
    }
}
