package io.isolab.agent.sandbox;

import java.time.Instant;

/**
 * One sandbox this agent owns. Immutable: the registry swaps whole values, so readers never see
 * half-updated state.
 *
 * @param containerName also the name of its host directory under {@code <state-dir>/sandboxes}
 * @param pool          true while it waits in the warm pool (no session yet, never expires)
 */
public record Sandbox(
        String id,
        String containerId,
        String containerName,
        String session,
        String state,
        Instant createdAt,
        Instant expiresAt,
        Instant lastActiveAt,
        String ip,
        int initPid,
        SandboxLimits limits,
        boolean pool) {

    public Sandbox claimed(String newSession, Instant newExpiresAt, Instant now) {
        return new Sandbox(id, containerId, containerName, newSession, state, createdAt, newExpiresAt, now, ip, initPid, limits, false);
    }

    public Sandbox withExpiresAt(Instant newExpiresAt) {
        return new Sandbox(id, containerId, containerName, session, state, createdAt, newExpiresAt, lastActiveAt, ip, initPid, limits, pool);
    }

    public Sandbox touched(Instant now) {
        return new Sandbox(id, containerId, containerName, session, state, createdAt, expiresAt, now, ip, initPid, limits, pool);
    }

    public SandboxRef ref() {
        return new SandboxRef(id, containerId, initPid, ip);
    }
}
