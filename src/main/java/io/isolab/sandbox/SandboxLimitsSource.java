package io.isolab.sandbox;

import java.util.Optional;

/**
 * Limits a learner's new sandbox for a lab should get instead of the agent's defaults (a workshop's
 * limits). Optional bean: without one every sandbox gets the defaults.
 */
public interface SandboxLimitsSource {

    Optional<SandboxInfo.Limits> limitsFor(String learnerId, String labId);
}
