package io.isolab.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per test class ({@code @RegisterExtension static final ChromiumSession chromium}),
 * and browser contexts sized and timed for a loaded 2-core host.
 */
public final class ChromiumSession implements BeforeAllCallback, AfterAllCallback {
    private final double deadlineMs;
    private Playwright playwright;
    private Browser browser;

    public ChromiumSession(double deadlineMs) {
        this.deadlineMs = deadlineMs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Assertions retry until their condition holds; the default 5 s is too short under load.
        PlaywrightAssertions.setDefaultAssertionTimeout(deadlineMs);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A fresh browser profile (own cookies) with a desktop-sized window. */
    public BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(deadlineMs);
        return context;
    }
}
