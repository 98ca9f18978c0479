package io.isolab.agent.sandbox;

/** Body of POST /api/v1/sandboxes. */
public record CreateSandboxRequest(String session, SandboxLimits.SandboxLimitsRequest limits, Long ttlSeconds) {
}
