package io.isolab.bench.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.isolab.bench.BenchConfig;

/**
 * Debian's Chromium driven by Playwright, headless, with the flags that keep it off the network.
 * The page-side measurement code lives in resources next to this class (*.js), run with evaluate.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch(BenchConfig cfg) {
        Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(pw, pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(java.nio.file.Path.of(cfg.chromium()))
                    .setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-quic", "--no-first-run"))));
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    public Page newPage() {
        return chromium.newContext(new NewContextOptions().setViewportSize(1280, 900)).newPage();
    }

    /** Opens the bench lab's step page and waits until terminal 1 is connected and shows a prompt. */
    public Page openLab(WebApp web) {
        Page page = newPage();
        page.navigate(web.labPage());
        page.waitForFunction(script("prompt-ready.js"), null, new Page.WaitForFunctionOptions().setTimeout(180_000).setPollingInterval(200));
        return page;
    }

    /** A page-side script from resources: an arrow function taking one argument. */
    public static String script(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
