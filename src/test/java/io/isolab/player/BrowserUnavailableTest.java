package io.isolab.player;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.isolab.IsolabApplication;
import io.isolab.testing.Chromium;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the agent down, the lab page says so and offers Retry instead of a blank terminal. */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class BrowserUnavailableTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "unavailable");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");
    }

    @Test
    void deadAgentShowsSandboxUnavailableWithRetry() {
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            BrowserContext context = browser.newContext();
            context.setDefaultTimeout(90_000);
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/labs/demo/steps/1");
            assertThat(page.locator("#sandbox-status")).hasAttribute("data-state", "unavailable");
            assertThat(page.locator("#sandbox-status .text")).containsText("sandbox unavailable: The sandbox service is unavailable");
            assertThat(page.locator(".terminal-box.active .terminal-note")).containsText("waiting for the sandbox");
            page.locator("#sandbox-status button", new Page.LocatorOptions().setHasText("Retry")).click();
            assertThat(page.locator("#sandbox-status .text")).containsText("sandbox unavailable");
        }
    }
}
