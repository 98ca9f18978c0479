package io.isolab.bench.start;

import java.util.List;

import io.isolab.bench.host.Command;

/**
 * The floor for "start to prompt": a bare {@code docker run -d <image>} followed by
 * {@code docker exec <c> true}, i.e. the engine creating and starting the same image and being able to
 * run a process in it. No capabilities, no cgroup setup, no inner dockerd wait, no PTY.
 */
final class DockerBaseline {

    private DockerBaseline() {
    }

    /** One run, in seconds; the container is removed afterwards (not timed). */
    static double once(String image, int i) {
        String name = "isobench-base-" + ProcessHandle.current().pid() + "-" + i;
        long t0 = System.nanoTime();
        try {
            String id = Command.require(List.of("docker", "run", "-d", "--name", name, "--label", "isobench=baseline", image));
            Command.require(List.of("docker", "exec", id, "true"));
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            Command.run(List.of("docker", "rm", "-f", "-v", name));
        }
    }
}
