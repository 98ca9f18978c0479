package io.isolab.bench;

import java.nio.file.Path;

/**
 * Settings of one benchmark run, from system properties (scripts/bench.sh passes them; every one
 * has a default so the runner also works by hand).
 */
public record BenchConfig(Path repo, Path work, Path agentJar, Path webJar, String java, int agentPort, int webPort,
                          String image, int baseRuns, int coldRuns, int warmRuns, int sandboxes, int keystrokes,
                          int throughputMiB, String chromium) {

    public static BenchConfig fromSystemProperties() {
        Path repo = Path.of(prop("bench.repo", ".")).toAbsolutePath().normalize();
        return new BenchConfig(
                repo,
                Path.of(prop("bench.work", "/tmp/isobench")),
                repo.resolve(prop("bench.agent-jar", "sandbox-agent/target/sandbox-agent-0.1.0-SNAPSHOT.jar")),
                repo.resolve(prop("bench.web-jar", "target/isolab-0.1.0-SNAPSHOT.jar")),
                prop("bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                Integer.parseInt(prop("bench.agent-port", "7141")),
                Integer.parseInt(prop("bench.web-port", "8241")),
                prop("bench.image", "isolab/lab-node:latest"),
                Integer.parseInt(prop("bench.base-runs", "8")),
                Integer.parseInt(prop("bench.cold-runs", "8")),
                Integer.parseInt(prop("bench.warm-runs", "8")),
                Integer.parseInt(prop("bench.sandboxes", "4")),
                Integer.parseInt(prop("bench.keystrokes", "200")),
                Integer.parseInt(prop("bench.throughput-mib", "50")),
                prop("bench.chromium", "/usr/bin/chromium"));
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
