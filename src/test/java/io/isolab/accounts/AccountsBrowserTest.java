package io.isolab.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.isolab.IsolabApplication;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.ChromiumSession;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real Chromium against a real agent: an anonymous learner with a running sandbox signs up
 * through the form (CSRF token in the form), keeps the sandbox, passes a check (CSRF header from the
 * page script after the session changed), restarts at step 2 and sees the replay in the status line.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class AccountsBrowserTest {
    private static final double DEADLINE_MS = 90_000;
    private static final String PROMPT = "() => window.isolab && /[#$]$/.test(window.isolab.text('1').trimEnd())";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession(DEADLINE_MS);

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    @Autowired
    AccountRepository accounts;
    BrowserContext context;
    String name = "web-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "accounts-browser");
    }

    @AfterEach
    void removeSandbox() {
        accounts.find(name).ifPresent(a -> sandboxes.readyId(a.learnerId(), "demo").ifPresent(agent::delete));
        context.cookies().stream().filter(c -> c.name.equals("isolab_learner"))
                .forEach(c -> sandboxes.readyId(c.value, "demo").ifPresent(agent::delete));
        context.close();
    }

    @Test
    void signUpKeepsTheSandboxAndResumeShowsTheReplay() {
        context = chromium.newContext();
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate(url("/labs/demo/steps/1"));
        waitForShell(page);
        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("export KEPT=yes-$((40+2))");
        page.keyboard().press("Enter");

        page.locator(".topbar a:has-text('Sign up')").click();
        page.locator("#username").fill(name);
        page.locator("#password").fill("browser-pass");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-signup.png")));
        page.locator("form button[type=submit]").click();
        assertThat(page.locator(".topbar .who")).hasText(name);

        // Same sandbox, same shell: the variable set before signing up is still there.
        page.navigate(url("/labs/demo/steps/1"));
        waitForShell(page);
        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("echo kept=$KEPT");
        page.keyboard().press("Enter");
        page.waitForFunction("() => window.isolab.text('1').includes('kept=yes-42')", null,
                new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
        page.locator("#check").click();
        assertThat(page.locator("#check-results li.summary")).containsText("Step complete");

        // A fresh sandbox at step 2 replays step 1's solution, and the status line says so.
        page.locator("#next").click();
        page.waitForURL("**/labs/demo/steps/2");
        waitForShell(page);
        page.locator("#sandbox-status .restart").click();
        assertThat(page.locator("#sandbox-status .text")).containsText("Replayed your solution of step 1",
                new LocatorAssertions.ContainsTextOptions().setTimeout(DEADLINE_MS));
        // ... and the replayed commands with their output appear in terminal 1.
        page.waitForFunction("() => window.isolab.text('1').includes('### step 1: your earlier solution')", null,
                new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
        page.waitForFunction("() => { const l = window.isolab.text('1').split('\\n').map(x => x.trim());"
                + " const i = l.indexOf('$ echo isolab-$((6*7))'); return i >= 0 && l[i + 1] === 'isolab-42'; }", null,
                new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-resume.png")));

        page.locator(".topbar button:has-text('Sign out')").click();
        assertThat(page.locator(".topbar .account")).containsText("Sign in");
    }

    private static void waitForShell(Page page) {
        assertThat(page.locator("#sandbox-status")).hasAttribute("data-state", "ready",
                new LocatorAssertions.HasAttributeOptions().setTimeout(DEADLINE_MS));
        page.waitForFunction(PROMPT, null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
