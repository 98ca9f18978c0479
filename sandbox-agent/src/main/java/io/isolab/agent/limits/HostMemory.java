package io.isolab.agent.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Total host memory from /proc/meminfo (what the capacity estimate divides). */
public final class HostMemory {

    private HostMemory() {
    }

    public static long totalBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: unknown memory means "assume one sandbox fits"
        }
        return 0;
    }
}
