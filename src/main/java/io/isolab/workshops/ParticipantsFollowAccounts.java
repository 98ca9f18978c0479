package io.isolab.workshops;

import io.isolab.learner.LearnerAdopted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps a learner on their workshop's roster when they sign in after joining anonymously. */
@Component
class ParticipantsFollowAccounts {
    private final WorkshopRepository workshops;

    ParticipantsFollowAccounts(WorkshopRepository workshops) {
        this.workshops = workshops;
    }

    @EventListener
    void on(LearnerAdopted adopted) {
        workshops.moveParticipant(adopted.from(), adopted.to());
    }
}
