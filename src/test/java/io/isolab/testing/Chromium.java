package io.isolab.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Launches Debian's Chromium through Playwright, offline (no browser download). */
public final class Chromium {
    private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
            "--disable-sync");

    private Chromium() {
    }

    public static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("Browser tests need Debian's chromium at " + EXECUTABLE + " (apt-get install chromium).");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS)
                .setTimeout(90_000));
    }
}
