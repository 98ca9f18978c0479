package io.isolab.agent.sandbox;

/** Resource limits of one sandbox, as the API shows them. */
public record SandboxLimits(long memoryMiB, long pids, double cpus, long diskMiB) {

    /** Fills fields the caller left out (null or non-positive) from the defaults. */
    public static SandboxLimits merge(SandboxLimitsRequest requested, SandboxLimits defaults) {
        if (requested == null) {
            return defaults;
        }
        return new SandboxLimits(
                positive(requested.memoryMiB()) ? requested.memoryMiB() : defaults.memoryMiB(),
                positive(requested.pids()) ? requested.pids() : defaults.pids(),
                requested.cpus() != null && requested.cpus() > 0 ? requested.cpus() : defaults.cpus(),
                positive(requested.diskMiB()) ? requested.diskMiB() : defaults.diskMiB());
    }

    private static boolean positive(Long v) {
        return v != null && v > 0;
    }

    /** Compact form stored in a container label so a restarted agent knows the limits. */
    public String toLabel() {
        return memoryMiB + "/" + pids + "/" + cpus + "/" + diskMiB;
    }

    public static SandboxLimits fromLabel(String label, SandboxLimits fallback) {
        try {
            String[] p = label.split("/");
            return new SandboxLimits(Long.parseLong(p[0]), Long.parseLong(p[1]), Double.parseDouble(p[2]), Long.parseLong(p[3]));
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** Limits as a client may send them: every field optional. */
    public record SandboxLimitsRequest(Long memoryMiB, Long pids, Double cpus, Long diskMiB) {
    }
}
