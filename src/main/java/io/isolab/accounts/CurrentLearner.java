package io.isolab.accounts;

/**
 * Who is asking, for controllers: take a {@code CurrentLearner} parameter. {@code learnerId} keys
 * progress and sandboxes for anonymous browsers (cookie) and signed-in accounts alike; username and
 * role are null when anonymous.
 */
public record CurrentLearner(String learnerId, String username, Role role) {

    public boolean signedIn() {
        return username != null;
    }

    /** True when the account's role is {@code needed} or above (ADMIN > INSTRUCTOR > LEARNER). */
    public boolean atLeast(Role needed) {
        return role != null && role.ordinal() >= needed.ordinal();
    }
}
