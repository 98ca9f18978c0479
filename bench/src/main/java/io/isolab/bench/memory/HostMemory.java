package io.isolab.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** MemTotal of this host, from /proc/meminfo. */
final class HostMemory {

    private HostMemory() {
    }

    static long totalBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/meminfo: " + e.getMessage(), e);
        }
    }
}
