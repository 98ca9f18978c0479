package io.isolab.agent.sandbox;

/** Docker labels by which an agent recognises its own sandboxes after a restart. */
public final class SandboxLabels {
    public static final String AGENT = "io.isolab.agent";
    public static final String SESSION = "io.isolab.session";
    public static final String EXPIRES_AT = "io.isolab.expires-at";
    public static final String POOL = "io.isolab.pool";
    public static final String CREATED_AT = "io.isolab.created-at";
    public static final String LIMITS = "io.isolab.limits";

    private SandboxLabels() {
    }
}
