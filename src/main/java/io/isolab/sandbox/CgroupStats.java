package io.isolab.sandbox;

/** The cgroup of a container inside a sandbox, the same on cgroup v1 and v2; null = unlimited/unknown. */
public record CgroupStats(String container, int version, Long memoryLimitBytes, Long memoryUsageBytes,
                          Long pidsLimit, Long pidsCurrent, Long cpuUsageNanos, Long cpuQuotaMicros,
                          Long cpuPeriodMicros) {
}
