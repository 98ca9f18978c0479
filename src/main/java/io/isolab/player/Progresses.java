package io.isolab.player;

import io.isolab.catalog.Lab;
import io.isolab.learner.Learner;
import io.isolab.progress.LabProgress;
import io.isolab.progress.ProgressRepository;
import io.isolab.progress.StepProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A learner's progress in the shape the pages need. */
@Component
public class Progresses {
    private final ProgressRepository repository;

    public Progresses(ProgressRepository repository) {
        this.repository = repository;
    }

    public LabProgress of(Learner learner, Lab lab) {
        return new LabProgress(lab.id(), lab.steps().size(), repository.steps(learner.id(), lab.id()));
    }

    /** Progress of every lab in {@code labs}, by lab id (labs never opened have empty progress). */
    public Map<String, LabProgress> of(Learner learner, List<Lab> labs) {
        Map<String, List<StepProgress>> byLab = repository.byLab(learner.id());
        return labs.stream().collect(Collectors.toMap(Lab::id,
                lab -> new LabProgress(lab.id(), lab.steps().size(), byLab.getOrDefault(lab.id(), List.of())),
                (a, b) -> a, LinkedHashMap::new));
    }
}
