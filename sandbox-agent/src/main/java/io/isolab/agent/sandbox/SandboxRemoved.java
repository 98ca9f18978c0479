package io.isolab.agent.sandbox;

/** Published after a sandbox's container is gone (deleted, expired, reclaimed): its terminals must end. */
public record SandboxRemoved(String id) {
}
