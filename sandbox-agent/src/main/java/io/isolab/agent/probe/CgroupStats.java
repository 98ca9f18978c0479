package io.isolab.agent.probe;

/** Resource limits and usage of one cgroup; null means unlimited (or not available on this host). */
public record CgroupStats(String container, int version, Long memoryLimitBytes, Long memoryUsageBytes,
                          Long pidsLimit, Long pidsCurrent, Long cpuUsageNanos, Long cpuQuotaMicros,
                          Long cpuPeriodMicros) {
}
