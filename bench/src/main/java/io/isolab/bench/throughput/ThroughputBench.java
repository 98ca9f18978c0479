package io.isolab.bench.throughput;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.agent.Agent;
import io.isolab.bench.report.Table;
import io.isolab.bench.web.Browser;
import io.isolab.bench.web.WebApp;

/**
 * Benchmark 4: output throughput into the real lab page (PTY -> agent -> web relay -> browser ->
 * xterm.js, flow control on) against xterm.js alone writing the same bytes on a blank page.
 */
public final class ThroughputBench {

    private static final double MIB = 1024.0 * 1024.0;
    private static final String MARKER = "BENCH-END-42";

    public static void run(BenchConfig cfg) {
        int mib = cfg.throughputMiB();
        // $((6*7)): the echoed command line does not contain the marker, only the output does
        String command = "head -c " + mib + "M /dev/urandom | base64; echo BENCH-END-$((6*7))";
        System.out.printf("== output throughput: %s%n", command);
        Map<?, ?> full;
        Map<?, ?> blank;
        try (Agent agent = Agent.start(cfg, "web", 0);
             WebApp web = WebApp.start(cfg, agent);
             Browser chromium = Browser.launch(cfg)) {
            Page lab = chromium.openLab(web);
            full = (Map<?, ?>) lab.evaluate(Browser.script("throughput-full.js"),
                    Map.of("command", command, "marker", MARKER, "timeoutMs", 900_000));
            System.out.printf("   lab page: %.1f MiB in %.1f s%n", num(full, "bytes") / MIB, num(full, "ms") / 1000);
            long bytes = (long) num(full, "bytes");
            int chunk = (int) Math.max(1024, Math.min(1 << 20, bytes / Math.max(1, num(full, "frames"))));
            Page page = chromium.newPage();
            String blankUrl = web.base() + "/__isobench-blank";
            String head = String.join("\n", ((List<?>) full.get("vendor")).stream().map(String::valueOf).toList());
            // served by Playwright on the web app's origin, so the lab page's relative vendor paths load
            page.route(blankUrl, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setContentType("text/html").setBody("<!doctype html><html><head>" + head + "</head><body></body></html>")));
            page.navigate(blankUrl);
            page.waitForFunction("() => typeof Terminal === 'function'");
            blank = (Map<?, ?>) page.evaluate(Browser.script("throughput-blank.js"), Map.of("bytes", (double) bytes, "chunk", chunk,
                    "cols", full.get("cols"), "rows", full.get("rows"), "options", full.get("options")));
            System.out.printf("   blank page: %.1f MiB in %.1f s (%d-byte writes)%n", num(blank, "bytes") / MIB,
                    num(blank, "ms") / 1000, chunk);
        }
        double fullRate = num(full, "bytes") / MIB / (num(full, "ms") / 1000);
        double blankRate = num(blank, "bytes") / MIB / (num(blank, "ms") / 1000);
        System.out.println();
        Table t = new Table("path", "MiB", "seconds", "MiB/s", "vs xterm.js alone");
        t.row("xterm.js alone, blank page", Table.f2(num(blank, "bytes") / MIB), Table.f2(num(blank, "ms") / 1000),
                Table.f2(blankRate), "1.00x");
        t.row("lab page: PTY -> agent -> web -> xterm.js", Table.f2(num(full, "bytes") / MIB), Table.f2(num(full, "ms") / 1000),
                Table.f2(fullRate), String.format("%.2fx", fullRate / blankRate));
        t.print();
        System.out.println();
        System.out.printf("lab page %.1f MiB/s = %.0f%% of xterm.js alone (%.1f MiB/s); flow control paused the agent %d times; "
                + "%.0f frames, mean %.0f bytes%n", fullRate, 100 * fullRate / blankRate, blankRate,
                (long) num(full, "pauses"), num(full, "frames"), num(full, "bytes") / Math.max(1, num(full, "frames")));
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
