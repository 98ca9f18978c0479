package io.isolab.sandbox;

import java.time.Instant;

/** A sandbox as the agent reports it (docs/agent-api.md). */
public record SandboxInfo(String id, String session, String state, Instant createdAt, Instant expiresAt,
                          Instant lastActiveAt, String ip, Limits limits) {

    public record Limits(Integer memoryMiB, Integer pids, Double cpus, Integer diskMiB) {
    }
}
