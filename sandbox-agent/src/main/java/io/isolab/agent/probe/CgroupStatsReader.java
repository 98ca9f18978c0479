package io.isolab.agent.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a process's cgroup limits and usage from a cgroup filesystem root (normally /sys/fs/cgroup).
 * Works on v1 hosts (one directory per controller, possibly co-mounted as {@code cpu,cpuacct}),
 * hybrid hosts (v1 controllers plus an empty v2 at {@code unified}) and pure v2 hosts.
 */
public final class CgroupStatsReader {

    /** v1 reports "no limit" as a huge page-rounded number (0x7FFFFFFFFFFFF000 on x86-64). */
    private static final long V1_UNLIMITED = 1L << 62;

    private final Path root;

    public CgroupStatsReader(Path root) {
        this.root = root;
    }

    /** Stats of the cgroups in {@code cgroupLines} (from /proc/&lt;pid&gt;/cgroup, host view). */
    public CgroupStats read(String container, List<String> cgroupLines) {
        List<CgroupLine> lines = CgroupLine.parseAll(cgroupLines);
        boolean v1 = lines.stream().anyMatch(l -> l.has("memory") || l.has("pids"));
        if (v1) {
            return readV1(container, lines);
        }
        String path = lines.stream().filter(CgroupLine::isUnified).map(CgroupLine::path).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cgroup found for " + container));
        return readV2(container, dir(path));
    }

    private CgroupStats readV1(String container, List<CgroupLine> lines) {
        Optional<Path> memory = v1Dir(lines, "memory");
        Optional<Path> pids = v1Dir(lines, "pids");
        Optional<Path> cpu = v1Dir(lines, "cpu");
        Optional<Path> cpuacct = v1Dir(lines, "cpuacct");
        Long limit = number(memory, "memory.limit_in_bytes");
        Long quota = number(cpu, "cpu.cfs_quota_us");
        return new CgroupStats(container, 1,
                limit == null || limit >= V1_UNLIMITED ? null : limit,
                number(memory, "memory.usage_in_bytes"),
                number(pids, "pids.max"),
                number(pids, "pids.current"),
                number(cpuacct, "cpuacct.usage"),
                quota == null || quota < 0 ? null : quota,
                number(cpu, "cpu.cfs_period_us"));
    }

    private CgroupStats readV2(String container, Path dir) {
        Optional<Path> d = Optional.of(dir);
        Long usageMicros = field(d, "cpu.stat", "usage_usec");
        String[] cpuMax = text(d, "cpu.max").map(s -> s.split("\\s+")).orElse(new String[0]);
        return new CgroupStats(container, 2,
                number(d, "memory.max"),
                number(d, "memory.current"),
                number(d, "pids.max"),
                number(d, "pids.current"),
                usageMicros == null ? null : usageMicros * 1000,
                cpuMax.length > 0 ? parse(cpuMax[0]) : null,
                cpuMax.length > 1 ? parse(cpuMax[1]) : null);
    }

    /** The controller's directory: mounted under its own name, or co-mounted (e.g. {@code cpu,cpuacct}). */
    private Optional<Path> v1Dir(List<CgroupLine> lines, String controller) {
        return lines.stream().filter(l -> l.has(controller)).findFirst().flatMap(line -> {
            for (String mount : List.of(controller, String.join(",", line.controllers()))) {
                Path dir = root.resolve(mount);
                if (Files.isDirectory(dir)) {
                    return Optional.of(resolve(dir, line.path()));
                }
            }
            return Optional.empty();
        });
    }

    private Path dir(String cgroupPath) {
        return resolve(root, cgroupPath);
    }

    private static Path resolve(Path base, String cgroupPath) {
        String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
        return relative.isEmpty() ? base : base.resolve(relative);
    }

    private static Optional<String> text(Optional<Path> dir, String file) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(dir.get().resolve(file)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Long number(Optional<Path> dir, String file) {
        return text(dir, file).map(CgroupStatsReader::parse).orElse(null);
    }

    /** A {@code key value} line of a flat-keyed file such as cpu.stat. */
    private static Long field(Optional<Path> dir, String file, String key) {
        return text(dir, file).flatMap(s -> s.lines()
                .map(l -> l.split("\\s+"))
                .filter(kv -> kv.length == 2 && kv[0].equals(key))
                .map(kv -> kv[1])
                .findFirst()).map(CgroupStatsReader::parse).orElse(null);
    }

    /** A number, or null for "max" (unlimited) and anything unparsable. */
    private static Long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
