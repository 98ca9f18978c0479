package io.isolab.workshops;

import java.time.Instant;

/** A learner in a workshop: the anonymous learner id stays server-side; instructors see id and name. */
public record Participant(long id, long workshopId, String learnerId, String displayName, Instant joinedAt) {
}
