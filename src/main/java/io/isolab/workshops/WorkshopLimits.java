package io.isolab.workshops;

import io.isolab.sandbox.SandboxInfo;
import io.isolab.sandbox.SandboxLimitsSource;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A learner of an open workshop gets the workshop's limits for the workshop's labs. */
@Component
public class WorkshopLimits implements SandboxLimitsSource {
    private final WorkshopRepository workshops;

    public WorkshopLimits(WorkshopRepository workshops) {
        this.workshops = workshops;
    }

    @Override
    public Optional<SandboxInfo.Limits> limitsFor(String learnerId, String labId) {
        Instant now = Instant.now();
        return workshops.joinedBy(learnerId, now).stream()
                .filter(w -> w.phase(now) == Workshop.Phase.OPEN && w.labIds().contains(labId))
                .filter(w -> !w.limits().isDefault())
                .findFirst()
                .map(w -> w.limits().toAgent());
    }
}
