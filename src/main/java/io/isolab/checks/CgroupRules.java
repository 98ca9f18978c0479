package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolab.sandbox.CgroupStats;
import java.util.Optional;
import java.util.function.LongFunction;

/** cgroup conditions, read through the agent's CgroupStats so v1 and v2 hosts behave alike. */
final class CgroupRules {
    /** Docker rounds memory limits to pages; v1 reports "unlimited" as a huge page-aligned number. */
    private static final long PAGE = 4096, UNLIMITED = 1L << 62;

    private CgroupRules() {
    }

    static Outcome cgroup(SandboxView view, CgroupCheck c) {
        String who = "container " + Check.code(c.container());
        Optional<CgroupStats> found = view.cgroup(c.container());
        if (found.isEmpty()) {
            Optional<JsonNode> inspect = view.container(c.container());
            if (inspect.isEmpty()) return Outcome.fail("there is no container " + Check.code(c.container()));
            if (!inspect.get().path("State").path("Running").asBoolean()) return Outcome.fail(who + " is not running");
            return Outcome.fail("the cgroup of " + who + " could not be read");
        }
        CgroupStats s = found.get();
        String problem = limit(who, "memory limit", c.memoryLimit(), real(s.memoryLimitBytes()), PAGE, Sizes::bytes);
        if (problem == null) problem = limit(who, "pids limit", c.pidsLimit(), real(s.pidsLimit()), 0, Long::toString);
        if (problem == null && c.cpuQuota() != null) {
            Long milli = s.cpuQuotaMicros() == null || s.cpuQuotaMicros() <= 0 || s.cpuPeriodMicros() == null
                    || s.cpuPeriodMicros() <= 0 ? null : Math.round(s.cpuQuotaMicros() * 1000.0 / s.cpuPeriodMicros());
            problem = limit(who, "CPU quota", c.cpuQuota(), milli, 5, Sizes::cpus);
        }
        if (problem == null && c.cpuUsage() && (s.cpuUsageNanos() == null || s.cpuUsageNanos() == 0)) {
            problem = who + " has used no CPU time yet";
        }
        return problem == null ? Outcome.pass() : Outcome.fail(problem);
    }

    private static Long real(Long value) {
        return value == null || value < 0 || value >= UNLIMITED ? null : value;
    }

    private static String limit(String who, String what, Limit want, Long have, long tolerance, LongFunction<String> show) {
        if (want == null) return null;
        return switch (want.mode()) {
            case NONE -> have == null ? null : who + " has a " + what + " of " + show.apply(have) + " (expected none)";
            case ANY -> have != null ? null : who + " has no " + what + " (expected one)";
            case EXACT -> have == null ? who + " has no " + what + " (expected " + show.apply(want.value()) + ")"
                    : Math.abs(have - want.value()) <= tolerance ? null
                    : who + " has a " + what + " of " + show.apply(have) + " (expected " + show.apply(want.value()) + ")";
        };
    }
}
