package io.isolab.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.isolab.bench.host.Command;

/**
 * A sandbox container's memory, read from the host's cgroup files (v1 or v2, never assumed): usage
 * minus page cache, which is what the sandbox's processes hold and what would not be reclaimed.
 */
record ContainerMemory(long usageBytes, long cacheBytes) {

    long residentBytes() {
        return usageBytes - cacheBytes;
    }

    static ContainerMemory read(String containerId) {
        String pid = Command.require(List.of("docker", "inspect", "--format", "{{.State.Pid}}", containerId));
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && List.of(f[1].split(",")).contains("memory")) {
                    Path dir = Path.of("/sys/fs/cgroup/memory" + f[2]);
                    return new ContainerMemory(number(dir.resolve("memory.usage_in_bytes")), stat(dir, "total_cache"));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc", pid, "cgroup"))) {
                if (line.startsWith("0::")) {
                    Path dir = Path.of("/sys/fs/cgroup" + line.substring(3));
                    if (Files.exists(dir.resolve("memory.current"))) {
                        return new ContainerMemory(number(dir.resolve("memory.current")), stat(dir, "file"));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the cgroup of " + containerId + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("no memory cgroup found for " + containerId + " (pid " + pid + ")");
    }

    private static long number(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).trim());
    }

    private static long stat(Path dir, String key) throws IOException {
        return Files.readAllLines(dir.resolve("memory.stat")).stream()
                .map(l -> l.split(" "))
                .filter(f -> f.length == 2 && f[0].equals(key))
                .mapToLong(f -> Long.parseLong(f[1]))
                .findFirst().orElse(0);
    }
}
