package io.isolab.agent.sandbox;

import java.time.Instant;

/** The JSON shape of a sandbox in the agent API. */
public record SandboxView(String id, String session, String state, Instant createdAt, Instant expiresAt,
                          Instant lastActiveAt, String ip, SandboxLimits limits) {

    public static SandboxView of(Sandbox s) {
        return new SandboxView(s.id(), s.session(), s.state(), s.createdAt(), s.expiresAt(), s.lastActiveAt(), s.ip(), s.limits());
    }
}
