package io.isolab.player;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.isolab.IsolabApplication;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.Chromium;
import io.isolab.testing.PlayerTestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A learner in a real Chromium against a real agent: catalog, lab, terminal, check. The terminal is
 * read from xterm's buffer (window.isolab.text), because headless DOM rows can miss lines.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class BrowserTest {
    private static final double DEADLINE_MS = 90_000;
    /** The last non-empty line of terminal 1 ends in a shell prompt. */
    private static final String PROMPT = "() => window.isolab && /[#$]$/.test(window.isolab.text('1').trimEnd())";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    BrowserContext context;

    @BeforeAll
    static void launch() {
        AgentEnvironment.require();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("isolab-browser");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("isolab"));
    }

    @AfterEach
    void removeSandbox() {
        if (context == null) return;
        context.cookies().stream().filter(c -> c.name.equals("isolab_learner")).forEach(c ->
                sandboxes.readyId(c.value, "demo").ifPresent(agent::delete));
        context.close();
    }

    @Test
    void learnerTypesInTheTerminalAndPassesTheCheck() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(DEADLINE_MS);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.locator("#topic-processes")).containsText("Demo lab");

        page.locator(".lab-card[data-lab=demo] a").click();
        page.waitForURL("**/labs/demo/steps/1");
        assertThat(page.locator(".step-title")).containsText("Meet your shell");
        assertThat(page.locator("#sandbox-status")).hasAttribute("data-state", "ready",
                new LocatorAssertions.HasAttributeOptions().setTimeout(DEADLINE_MS));
        page.waitForFunction(PROMPT, null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));

        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("echo isolab-$((6*7))");
        page.keyboard().press("Enter");
        page.waitForFunction("() => window.isolab.text('1').includes('isolab-42')", null,
                new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));

        // The Run button types the block's command into the terminal too.
        page.waitForFunction(PROMPT, null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
        page.locator(".step-text pre .code-actions button.run").click();
        page.waitForFunction("() => window.isolab.text('1').split('\\n').filter(l => l.trim() === 'isolab-42').length >= 2",
                null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));

        page.locator("#check").click();
        assertThat(page.locator("#check-results li.summary")).containsText("Step complete");
        assertThat(page.locator("#check-results li.pass")).hasCount(1);
        assertThat(page.locator("#next")).not().hasClass("button locked");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-lab.png")));

        page.locator("#next").click();
        page.waitForURL("**/labs/demo/steps/2");
        assertThat(page.locator(".steps-nav li.done")).hasCount(1);
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.locator(".lab-card[data-lab=demo]")).containsText("1 of 2 done");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-catalog.png")));
        assertThat(page.content()).doesNotContain("Exception");
    }
}
