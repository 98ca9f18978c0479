package io.isolab.bench.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.isolab.bench.host.Command;

/**
 * Removes what one benchmark agent left: its labelled containers, the loop-mounted sandbox disks
 * under its state directory, and the directory. Touches nothing labelled with another agent name.
 */
final class Sweep {

    private Sweep() {
    }

    static void run(String agentName, Path stateDir) {
        String ids = Command.run(List.of("docker", "ps", "-aq", "--filter", "label=io.isolab.agent=" + agentName)).output();
        List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f", "-v"));
        ids.lines().map(String::trim).filter(s -> s.matches("[0-9a-f]{12,64}")).forEach(rm::add);
        if (rm.size() > 4) {
            Command.run(rm);
        }
        for (String mount : mountsUnder(stateDir)) {
            if (!Command.run(List.of("umount", mount)).ok()) {
                Command.run(List.of("umount", "-l", mount));
            }
        }
        if (Files.exists(stateDir)) {
            Command.run(List.of("rm", "-rf", "--one-file-system", stateDir.toString()));
        }
    }

    /** Deepest first, so nested mounts come off before their parents. */
    private static List<String> mountsUnder(Path dir) {
        String prefix = dir.toAbsolutePath().normalize() + "/";
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(l -> l.split(" "))
                    .filter(f -> f.length > 4 && f[4].startsWith(prefix))
                    .map(f -> f[4])
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
