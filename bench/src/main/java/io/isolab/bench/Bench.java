package io.isolab.bench;

import java.util.List;

import io.isolab.bench.echo.EchoBench;
import io.isolab.bench.memory.MemoryBench;
import io.isolab.bench.start.StartBench;
import io.isolab.bench.throughput.ThroughputBench;

/**
 * Runs the benchmarks named on the command line (start, memory, echo, throughput, all) and prints
 * their tables. Numbers are printed, never asserted: each is set against a baseline measured in this
 * same run on this same machine.
 */
public final class Bench {

    private static final List<String> ALL = List.of("start", "memory", "echo", "throughput");

    public static void main(String[] args) {
        List<String> which = args.length == 0 || List.of(args).contains("all") ? ALL : List.of(args);
        BenchConfig cfg = BenchConfig.fromSystemProperties();
        int failed = 0;
        for (String name : which) {
            try {
                switch (name) {
                    case "start" -> StartBench.run(cfg);
                    case "memory" -> MemoryBench.run(cfg);
                    case "echo" -> EchoBench.run(cfg);
                    case "throughput" -> ThroughputBench.run(cfg);
                    default -> throw new IllegalArgumentException("unknown benchmark '" + name + "' (start, memory, echo, throughput, all)");
                }
            } catch (RuntimeException e) {
                failed++;
                System.out.println("!! " + name + " failed: " + e.getMessage());
            }
            System.out.println();
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
