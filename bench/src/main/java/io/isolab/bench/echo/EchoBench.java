package io.isolab.bench.echo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.agent.Agent;
import io.isolab.bench.agent.AgentTerminal;
import io.isolab.bench.report.Stats;
import io.isolab.bench.report.Table;
import io.isolab.bench.web.Browser;
import io.isolab.bench.web.WebApp;

/**
 * Benchmark 3: keystroke echo latency through the whole path (Chromium lab page -> web app relay ->
 * agent -> PTY in the sandbox and back), against bash on a local PTY in this process. In between,
 * the agent's WebSocket straight from this JVM, to show where the time goes.
 */
public final class EchoBench {

    public static void run(BenchConfig cfg) {
        int n = cfg.keystrokes();
        System.out.printf("== keystroke echo: %d keystrokes each%n", n);
        List<Double> local;
        try {
            local = LocalPtyEcho.measure(n);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("local PTY failed: " + e.getMessage(), e);
        }
        System.out.printf("   local PTY done (p50 %.3f ms)%n", Stats.of(local).p50());
        List<Double> agentDirect;
        List<Double> browser;
        List<Double> pageSocket;
        try (Agent agent = Agent.start(cfg, "web", 0);
             WebApp web = WebApp.start(cfg, agent);
             Browser chromium = Browser.launch(cfg)) {
            Page page = chromium.openLab(web);
            System.out.println("   lab page shows a prompt");
            browser = new ArrayList<>();
            for (Object v : (List<?>) page.evaluate(Browser.script("echo.js"), java.util.Map.of("count", n, "timeoutMs", 10_000))) {
                browser.add(((Number) v).doubleValue());
            }
            System.out.printf("   browser done (p50 %.3f ms)%n", Stats.of(browser).p50());
            pageSocket = new ArrayList<>();
            for (Object v : (List<?>) page.evaluate(Browser.script("echo-ws.js"),
                    java.util.Map.of("name", "wsbench", "count", n, "timeoutMs", 10_000))) {
                pageSocket.add(((Number) v).doubleValue());
            }
            System.out.printf("   page WebSocket done (p50 %.3f ms)%n", Stats.of(pageSocket).p50());
            agentDirect = agentDirect(agent, n);
            System.out.printf("   agent WebSocket done (p50 %.3f ms)%n", Stats.of(agentDirect).p50());
        }
        Stats base = Stats.of(local), direct = Stats.of(agentDirect), relay = Stats.of(pageSocket), full = Stats.of(browser);
        System.out.println();
        Table t = new Table("path", "n", "p50 ms", "p95 ms", "mean ms", "p50 / local", "p95 / local");
        row(t, "local PTY (pty4j, bash, this JVM)", base, base);
        row(t, "agent WebSocket -> sandbox PTY", direct, base);
        row(t, "page WebSocket (no xterm) -> web -> agent -> PTY", relay, base);
        row(t, "Chromium lab page xterm.js -> web -> agent -> PTY", full, base);
        t.print();
        System.out.println();
        System.out.printf("browser echo p50 %.2f ms = %s local PTY (p95 %.2f ms = %s); agent alone p50 %.2f ms%n",
                full.p50(), Table.ratio(full.p50(), base.p50()), full.p95(), Table.ratio(full.p95(), base.p95()), direct.p50());
    }

    private static void row(Table t, String label, Stats s, Stats base) {
        t.row(label, s.n(), Table.f3(s.p50()), Table.f3(s.p95()), Table.f3(s.mean()),
                Table.ratio(s.p50(), base.p50()), Table.ratio(s.p95(), base.p95()));
    }

    /** Same keystrokes on a second shell of the lab's sandbox, straight over the agent's WebSocket. */
    private static List<Double> agentDirect(Agent agent, int n) {
        JsonNode list = agent.client().list();
        if (list.isEmpty()) {
            throw new IllegalStateException("the web app's sandbox is not listed by the agent");
        }
        String id = list.get(0).path("id").asText();
        try (AgentTerminal term = AgentTerminal.open(agent.client(), id, "bench")) {
            term.awaitPrompt(Duration.ofSeconds(60));
            List<Double> samples = new ArrayList<>();
            int onLine = 0;
            for (int i = 0; i < n; i++) {
                if (onLine == 40) {
                    term.send("\u0015");
                    pause(200);
                    onLine = 0;
                }
                String ch = String.valueOf((char) ('a' + i % 26));
                int mark = term.mark();
                long t0 = System.nanoTime();
                term.send(ch);
                term.awaitSince(mark, ch, Duration.ofSeconds(10));
                samples.add((System.nanoTime() - t0) / 1e6);
                onLine++;
                pause(5);
            }
            term.send("\u0015");
            return samples;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
