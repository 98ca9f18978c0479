package io.isolab.agent.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupStatsReaderTest {

    private static final String INNER = "/docker/aaaa/docker/bbbb";

    @TempDir
    Path root;

    @Test
    void readsV1WithSeparateCpuAndCpuacctAndAnEmptyUnifiedHierarchy() throws IOException {
        Path memory = dir("memory" + INNER);
        write(memory, "memory.limit_in_bytes", "104857600\n");
        write(memory, "memory.usage_in_bytes", "5242880\n");
        Path pids = dir("pids" + INNER);
        write(pids, "pids.max", "max\n");
        write(pids, "pids.current", "4\n");
        write(dir("cpuacct" + INNER), "cpuacct.usage", "123456789\n");
        Path cpu = dir("cpu" + INNER);
        write(cpu, "cpu.cfs_quota_us", "-1\n");
        write(cpu, "cpu.cfs_period_us", "100000\n");
        dir("unified");

        CgroupStats stats = new CgroupStatsReader(root).read("db", List.of(
                "12:pids:" + INNER, "5:memory:" + INNER, "3:cpuacct:" + INNER, "2:cpu:" + INNER,
                "1:name=systemd:" + INNER, "0::/"));

        assertThat(stats).isEqualTo(new CgroupStats("db", 1, 104857600L, 5242880L, null, 4L, 123456789L,
                null, 100000L));
    }

    @Test
    void readsV1WithCoMountedCpuCpuacctAndTreatsHugeLimitsAsUnlimited() throws IOException {
        Path memory = dir("memory" + INNER);
        write(memory, "memory.limit_in_bytes", "9223372036854771712\n");
        write(memory, "memory.usage_in_bytes", "100\n");
        Path cpu = dir("cpu,cpuacct" + INNER);
        write(cpu, "cpuacct.usage", "7\n");
        write(cpu, "cpu.cfs_quota_us", "50000\n");
        write(cpu, "cpu.cfs_period_us", "100000\n");
        Path pids = dir("pids" + INNER);
        write(pids, "pids.max", "64\n");
        write(pids, "pids.current", "2\n");

        CgroupStats stats = new CgroupStatsReader(root).read("web", List.of(
                "9:pids:" + INNER, "4:memory:" + INNER, "3:cpu,cpuacct:" + INNER));

        assertThat(stats).isEqualTo(new CgroupStats("web", 1, null, 100L, 64L, 2L, 7L, 50000L, 100000L));
    }

    @Test
    void readsV2() throws IOException {
        Path cg = dir("system.slice/docker-aaaa.scope/docker/bbbb");
        write(cg, "memory.max", "104857600\n");
        write(cg, "memory.current", "4096\n");
        write(cg, "pids.max", "max\n");
        write(cg, "pids.current", "3\n");
        write(cg, "cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n");
        write(cg, "cpu.max", "max 100000\n");

        CgroupStats stats = new CgroupStatsReader(root).read("db", List.of("0::/system.slice/docker-aaaa.scope/docker/bbbb"));

        assertThat(stats).isEqualTo(new CgroupStats("db", 2, 104857600L, 4096L, null, 3L, 1_500_000L, null, 100000L));
    }

    @Test
    void readsV2QuotaAndUnlimitedMemory() throws IOException {
        Path cg = dir("x");
        write(cg, "memory.max", "max\n");
        write(cg, "cpu.max", "50000 100000\n");

        CgroupStats stats = new CgroupStatsReader(root).read("c", List.of("0::/x"));

        assertThat(stats.memoryLimitBytes()).isNull();
        assertThat(stats.cpuQuotaMicros()).isEqualTo(50000L);
        assertThat(stats.cpuPeriodMicros()).isEqualTo(100000L);
        assertThat(stats.pidsCurrent()).isNull();
    }

    /** This host (v1 plus an empty cgroup2 at unified): the test JVM's own cgroup reads as v1 with live numbers. */
    @Test
    void readsThisHostsOwnCgroup() throws IOException {
        List<String> self = Files.readAllLines(Path.of("/proc/self/cgroup"));

        CgroupStats stats = new CgroupStatsReader(Path.of("/sys/fs/cgroup")).read("self", self);

        boolean v1Host = self.stream().anyMatch(l -> l.contains(":memory:"));
        assertThat(stats.version()).isEqualTo(v1Host ? 1 : 2);
        // (pids.current is absent in a root cgroup, where this JVM may sit for pids.)
        assertThat(stats.memoryUsageBytes()).isPositive();
        assertThat(stats.cpuUsageNanos()).isPositive();
        assertThat(stats.cpuPeriodMicros()).isPositive();
    }

    private Path dir(String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    private static void write(Path dir, String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }
}
