package io.isolab.sandbox;

import java.time.Instant;

/**
 * What the lab page shows about a learner's sandbox.
 *
 * @param state          none | starting | ready | expired | failed
 * @param expiresAt      when the agent will remove it (ready only), or null
 * @param message        what is happening ("running lab setup") or why it failed, for a human
 * @param elapsedSeconds seconds since the start began (starting only), so the page needs no clock of its own
 * @param secondsLeft    seconds until expiry (ready only)
 */
public record SandboxStatus(String state, Instant expiresAt, String message, Long elapsedSeconds, Long secondsLeft) {

    public static SandboxStatus none() {
        return new SandboxStatus("none", null, "No sandbox yet.", null, null);
    }
}
