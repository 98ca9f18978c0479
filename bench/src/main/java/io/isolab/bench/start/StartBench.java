package io.isolab.bench.start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.agent.Agent;
import io.isolab.bench.agent.AgentClient;
import io.isolab.bench.agent.AgentTerminal;
import io.isolab.bench.report.Stats;
import io.isolab.bench.report.Table;

/**
 * Benchmark 1: from POST /sandboxes until a terminal shows a prompt, cold (pool.size=0) and from the
 * warm pool (pool.size=2, pool full before each run), against a bare docker run + exec of the same image.
 */
public final class StartBench {

    private static final int WARM_POOL = 2;

    private record Series(List<Double> ready, List<Double> prompt) {
    }

    public static void run(BenchConfig cfg) {
        System.out.printf("== start to prompt: %d bare docker runs, %d cold, %d warm (pool.size=%d)%n",
                cfg.baseRuns(), cfg.coldRuns(), cfg.warmRuns(), WARM_POOL);
        List<Double> baseline = new ArrayList<>();
        Series cold;
        try (Agent agent = Agent.start(cfg, "cold", 0)) {
            // baseline and cold runs alternate, so both see the same load on a shared machine
            cold = measure(agent, cfg.coldRuns(), false, cfg, baseline);
        }
        Stats base = Stats.of(baseline);
        Series warm;
        try (Agent agent = Agent.start(cfg, "warm", WARM_POOL)) {
            warm = measure(agent, cfg.warmRuns(), true, cfg, new ArrayList<>());
        }
        Stats coldReady = Stats.of(cold.ready()), coldPrompt = Stats.of(cold.prompt());
        Stats warmReady = Stats.of(warm.ready()), warmPrompt = Stats.of(warm.prompt());

        System.out.println();
        Table t = new Table("series", "n", "p50 s", "p95 s", "p50 / docker", "p95 / docker");
        row(t, "bare docker run -d + exec true", base, base);
        row(t, "cold: POST /sandboxes (ready)", coldReady, base);
        row(t, "cold: POST until prompt", coldPrompt, base);
        row(t, "warm: POST /sandboxes (ready)", warmReady, base);
        row(t, "warm: POST until prompt", warmPrompt, base);
        t.print();
        System.out.println();
        System.out.printf("cold p50 %.2f s = %s bare docker run (p95 %.2f s = %s)%n", coldPrompt.p50(),
                Table.ratio(coldPrompt.p50(), base.p50()), coldPrompt.p95(), Table.ratio(coldPrompt.p95(), base.p95()));
        System.out.printf("warm p50 %.2f s = %s bare docker run (p95 %.2f s = %s)%n", warmPrompt.p50(),
                Table.ratio(warmPrompt.p50(), base.p50()), warmPrompt.p95(), Table.ratio(warmPrompt.p95(), base.p95()));
        System.out.printf("warm pool: p50 %s faster than cold%n", Table.ratio(coldPrompt.p50(), warmPrompt.p50()));
    }

    private static void row(Table t, String label, Stats s, Stats base) {
        t.row(label, s.n(), Table.f2(s.p50()), Table.f2(s.p95()), Table.ratio(s.p50(), base.p50()), Table.ratio(s.p95(), base.p95()));
    }

    /**
     * One untimed warm-up start (the agent's first sandbox and first terminal pay for JIT and class
     * loading; it is printed, not counted), then {@code runs} timed starts; while {@code baseline} has
     * fewer than base-runs entries, a bare docker run goes before each.
     */
    private static Series measure(Agent agent, int runs, boolean warm, BenchConfig cfg, List<Double> baseline) {
        String kind = warm ? "warm" : "cold";
        double[] first = once(agent, warm, kind + "-warmup");
        System.out.printf("   %s warm-up (first start of this agent, not counted): ready %.2f s, prompt %.2f s%n",
                kind, first[0], first[1]);
        List<Double> ready = new ArrayList<>(), prompt = new ArrayList<>();
        for (int i = 0; i < Math.max(runs, warm ? 0 : cfg.baseRuns()); i++) {
            if (!warm && baseline.size() < cfg.baseRuns()) {
                baseline.add(DockerBaseline.once(cfg.image(), i));
                System.out.printf("   bare docker run %d: %.2f s%n", i + 1, baseline.getLast());
            }
            if (i < runs) {
                double[] t = once(agent, warm, kind + "-" + i);
                ready.add(t[0]);
                prompt.add(t[1]);
                System.out.printf("   %s run %d: ready %.2f s, prompt %.2f s%n", kind, i + 1, t[0], t[1]);
            }
        }
        return new Series(ready, prompt);
    }

    /** Seconds from POST to ready and to prompt; the sandbox is deleted afterwards (not timed). */
    private static double[] once(Agent agent, boolean warm, String session) {
        AgentClient client = agent.client();
        if (warm) {
            agent.awaitPool(WARM_POOL);
        }
        long t0 = System.nanoTime();
        String id = client.create("bench-" + session).path("id").asText();
        try {
            long t1 = System.nanoTime();
            try (AgentTerminal term = AgentTerminal.open(client, id, "1")) {
                term.awaitPrompt(Duration.ofSeconds(60));
            }
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e9, (t2 - t0) / 1e9};
        } finally {
            client.delete(id);
        }
    }
}
