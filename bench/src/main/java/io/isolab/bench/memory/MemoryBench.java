package io.isolab.bench.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.agent.Agent;
import io.isolab.bench.host.Command;
import io.isolab.bench.host.Deadline;
import io.isolab.bench.report.Table;

/**
 * Benchmark 2: K idle sandboxes (pool.size=0, so only these run), the memory each holds once it
 * settled, how many would fit in this host's MemTotal, against the agent's own /capacity "possible".
 */
public final class MemoryBench {

    private static final double MIB = 1024.0 * 1024.0;

    public static void run(BenchConfig cfg) {
        int k = cfg.sandboxes();
        System.out.printf("== idle memory: %d sandboxes%n", k);
        try (Agent agent = Agent.start(cfg, "memory", 0)) {
            List<String> ids = new ArrayList<>();
            try {
                for (int i = 0; i < k; i++) {
                    ids.add(agent.client().create("bench-mem-" + i).path("id").asText());
                    System.out.printf("   sandbox %d/%d ready%n", i + 1, k);
                }
                Map<String, ContainerMemory> idle = awaitIdle(ids);
                Map<String, String> dockerStats = dockerStats(ids);
                report(idle, dockerStats, agent.client().capacity());
            } finally {
                ids.forEach(id -> agent.client().delete(id));
            }
        }
    }

    /** Idle = every sandbox's resident memory moved by less than 1 MiB over 5 s (after at least 10 s). */
    private static Map<String, ContainerMemory> awaitIdle(List<String> ids) {
        long start = System.nanoTime();
        Map<String, ContainerMemory> last = read(ids);
        for (int round = 0; round < 24; round++) {
            Deadline.sleep(5000);
            Map<String, ContainerMemory> now = read(ids);
            boolean settled = ids.stream().allMatch(id ->
                    Math.abs(now.get(id).residentBytes() - last.get(id).residentBytes()) < MIB);
            last.clear();
            last.putAll(now);
            if (settled && System.nanoTime() - start > 10_000_000_000L) {
                System.out.printf("   settled after %.0f s%n", (System.nanoTime() - start) / 1e9);
                return now;
            }
        }
        System.out.println("   memory still moving after 2 min; reporting the last reading");
        return last;
    }

    private static Map<String, ContainerMemory> read(List<String> ids) {
        Map<String, ContainerMemory> m = new HashMap<>();
        ids.forEach(id -> m.put(id, ContainerMemory.read(id)));
        return m;
    }

    /** docker stats' own MEM USAGE column, as a cross-check of the cgroup reading. */
    private static Map<String, String> dockerStats(List<String> ids) {
        List<String> cmd = new ArrayList<>(List.of("docker", "stats", "--no-stream", "--format", "{{.ID}} {{.MemUsage}}"));
        cmd.addAll(ids);
        Map<String, String> m = new HashMap<>();
        Command.run(cmd).output().lines().map(l -> l.split(" ", 2)).filter(f -> f.length == 2)
                .forEach(f -> ids.stream().filter(id -> id.startsWith(f[0]) || f[0].startsWith(id))
                        .forEach(id -> m.put(id, f[1].split(" / ")[0])));
        return m;
    }

    private static void report(Map<String, ContainerMemory> idle, Map<String, String> dockerStats, JsonNode capacity) {
        System.out.println();
        Table t = new Table("sandbox", "usage MiB", "cache MiB", "usage-cache MiB", "docker stats");
        double sum = 0;
        for (Map.Entry<String, ContainerMemory> e : idle.entrySet()) {
            ContainerMemory m = e.getValue();
            sum += m.residentBytes();
            t.row(e.getKey(), Table.f2(m.usageBytes() / MIB), Table.f2(m.cacheBytes() / MIB),
                    Table.f2(m.residentBytes() / MIB), dockerStats.getOrDefault(e.getKey(), "?"));
        }
        double mean = sum / idle.size();
        t.row("mean", "", "", Table.f2(mean / MIB), "");
        t.print();
        long total = HostMemory.totalBytes();
        long fit = (long) (total / mean);
        int possible = capacity.path("possible").asInt();
        long perSandbox = capacity.path("memoryBytesPerSandbox").asLong();
        System.out.println();
        System.out.printf("idle sandbox: mean %.1f MiB; MemTotal %.1f GiB fits %d idle sandboxes by memory alone%n",
                mean / MIB, total / MIB / 1024, fit);
        System.out.printf("agent /capacity possible = %d (reserves %.0f MiB, the memory limit, per sandbox): "
                + "idle fit = %s of possible%n", possible, perSandbox / MIB, Table.ratio(fit, possible));
    }
}
