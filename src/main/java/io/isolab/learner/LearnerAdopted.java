package io.isolab.learner;

/**
 * An anonymous learner signed in or up: what belonged to {@code from} (progress, sandboxes, workshop
 * memberships) now belongs to the account's learner {@code to}. Published after progress and
 * sandboxes moved, so features that keep their own learner rows can follow.
 */
public record LearnerAdopted(String from, String to) {
}
