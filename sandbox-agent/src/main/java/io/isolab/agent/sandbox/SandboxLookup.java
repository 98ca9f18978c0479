package io.isolab.agent.sandbox;

import java.util.Optional;

/** Finds this agent's live sandboxes and records activity on them (terminals attached, checks run). */
public interface SandboxLookup {

    Optional<SandboxRef> find(String id);

    /** Marks the sandbox as in use now, postponing idle reclaim. */
    void touch(String id);
}
