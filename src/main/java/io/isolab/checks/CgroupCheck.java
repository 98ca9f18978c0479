package io.isolab.checks;

import java.util.ArrayList;
import java.util.List;

/** Limits and usage of an inner container's cgroup, as the agent reads them (v1 and v2 alike). */
public record CgroupCheck(String container, Limit memoryLimit, Limit pidsLimit, boolean cpuUsage,
                          Limit cpuQuota) implements Check {

    @Override
    public String label() {
        List<String> parts = new ArrayList<>();
        if (memoryLimit != null) parts.add(describe("a memory limit", memoryLimit, Sizes.bytes(memoryLimit.value())));
        if (pidsLimit != null) parts.add(describe("a pids limit", pidsLimit, Long.toString(pidsLimit.value())));
        if (cpuQuota != null) parts.add(describe("a CPU quota", cpuQuota, Sizes.cpus(cpuQuota.value())));
        if (cpuUsage) parts.add("has used CPU time");
        if (parts.isEmpty()) parts.add("has a cgroup");
        return "container " + Check.code(container) + " " + String.join(", ", parts);
    }

    private static String describe(String what, Limit limit, String value) {
        return switch (limit.mode()) {
            case NONE -> "has no " + what.substring(2);
            case ANY -> "has " + what;
            case EXACT -> "has " + what + " of " + value;
        };
    }
}
