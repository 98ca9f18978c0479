package io.isolab.accounts;

import java.time.Instant;

/** A signed-up user. {@code learnerId} keys their progress and sandboxes, like an anonymous cookie id. */
public record Account(long id, String username, Role role, String learnerId, Instant createdAt) {
}
