package io.isolab.workshops;

import io.isolab.catalog.Lab;
import io.isolab.player.LabSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Looks up workshops and their labs, turning "not there" into {@link WorkshopNotFoundException}. */
@Component
public class Workshops {
    private final WorkshopRepository repository;
    private final LabSource labs;

    public Workshops(WorkshopRepository repository, LabSource labs) {
        this.repository = repository;
        this.labs = labs;
    }

    public Workshop byId(long id) {
        return repository.find(id).orElseThrow(() -> new WorkshopNotFoundException("There is no workshop " + id + "."));
    }

    public Workshop byCode(String code) {
        return repository.byCode(JoinCodes.normalize(code)).orElseThrow(() -> new WorkshopNotFoundException(
                "There is no workshop with the code \"" + code + "\". Check the code with your instructor."));
    }

    public Participant participant(Workshop workshop, long participantId) {
        return repository.participant(participantId).filter(p -> p.workshopId() == workshop.id())
                .orElseThrow(() -> new WorkshopNotFoundException("This learner is not in the workshop."));
    }

    /** The workshop's labs that exist in the catalog, in the workshop's order. */
    public List<Lab> labs(Workshop workshop) {
        return workshop.labIds().stream().flatMap(id -> labs.lab(id).stream()).toList();
    }

    public List<Lab> catalog() {
        return labs.labs();
    }

    public Set<String> catalogIds() {
        return labs.labs().stream().map(Lab::id).collect(Collectors.toSet());
    }
}
