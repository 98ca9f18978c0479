package io.isolab.player;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A learner in a real Chromium against a real agent. The terminal is read from xterm's buffer
 * (window.isolab.text), because headless DOM rows can miss lines. Every wait is for a condition.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class BrowserTest {
    private static final double DEADLINE_MS = 90_000;
    /** The last non-empty line of terminal 1 ends in a shell prompt. */
    private static final String PROMPT = "() => window.isolab && /[#$]$/.test(window.isolab.text('1').trimEnd())";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession(DEADLINE_MS);

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "browser");
    }

    @BeforeEach
    void open() {
        context = chromium.newContext();
        page = context.newPage();
    }

    @AfterEach
    void removeSandbox() {
        learner().ifPresent(id -> sandboxes.readyId(id, "demo").ifPresent(agent::delete));
        context.close();
    }

    @Test
    void learnerTypesInTheTerminalAndPassesTheCheck() {
        page.navigate(url("/"));
        assertThat(page.locator("#topic-processes")).containsText("Demo lab");
        page.locator(".lab-card[data-lab=demo] a").click();
        page.waitForURL("**/labs/demo/steps/1");
        assertThat(page.locator(".step-title")).containsText("Meet your shell");
        waitForShell();

        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("echo isolab-$((6*7))");
        page.keyboard().press("Enter");
        waitFor("() => window.isolab.text('1').includes('isolab-42')");

        // The Run button types the block's command into the terminal too.
        waitFor(PROMPT);
        page.locator(".step-text pre .code-actions button.run").click();
        waitFor("() => window.isolab.text('1').split('\\n').filter(l => l.trim() === 'isolab-42').length >= 2");

        // An inline snippet runs on click; a plain block only copies.
        waitFor(PROMPT);
        page.locator(".step-text code.snippet").click();
        waitFor("() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'snippet-9')");
        assertThat(page.locator(".step-text pre:has-text('plain copy block') button")).hasText("Copy");

        page.locator("#check").click();
        assertThat(page.locator("#check-results li.summary")).containsText("Step complete");
        assertThat(page.locator("#check-results li.pass")).hasCount(1);
        assertThat(page.locator("#next")).not().hasClass("button locked");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-lab.png")));

        page.locator("#next").click();
        page.waitForURL("**/labs/demo/steps/2");
        assertThat(page.locator(".steps-nav li.done")).hasCount(1);
        page.navigate(url("/"));
        assertThat(page.locator(".lab-card[data-lab=demo]")).containsText("1 of 2 done");
        page.navigate(url("/map"));
        assertThat(page.locator("#map-processes")).hasClass("node status-in-progress");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-map.png")));
        assertThat(page.content()).doesNotContain("Exception");
    }

    @Test
    void writeFileInterruptPollingAndAnswers() {
        page.navigate(url("/labs/demo/steps/2"));
        waitForShell();
        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("sleep 1000");
        page.keyboard().press("Enter");
        // Run with interrupt: Ctrl+C ends the sleep, the shell answers, then the command is typed.
        page.locator(".step-text .code-block[data-interrupt=true] button.run").click();
        waitFor("() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'interrupted-25')");

        // Polling (step.poll) notices the written file without pressing Check.
        page.locator(".step-text .code-block[data-action=write] button.run").click();
        assertThat(page.locator("#check-results li.pass")).hasCount(1);
        assertThat(page.locator("#check-results li.fail")).containsText("What is 6*7?");
        String sandbox = sandboxes.readyId(learner().orElseThrow(), "demo").orElseThrow();
        assertThat(agent.shell(sandbox, "cat /tmp/marker", 10).stdout()).isEqualTo("here\n");

        page.locator("#answers input").fill("42");
        page.locator("#check").click();
        assertThat(page.locator("#check-results li.summary")).containsText("Step complete");
        assertThat(page.locator("#next")).hasText("Finish");
    }

    @Test
    void floodOfOutputIsThrottledAndTheTerminalStaysUsable() {
        page.navigate(url("/labs/demo/steps/1"));
        waitForShell();
        page.locator(".terminal-box.active .xterm").click();
        // Chromium hands a stalled page only a few hundred KiB of queued WebSocket data, so with the
        // production marks (512/128 KiB) whether a pause happens depends on the host's speed. Small
        // marks make the mechanism itself (count, pause, agent stops, resume) certain to run.
        page.evaluate("() => { const t = window.isolab.terminals.get('1'); t.high = 16 * 1024; t.low = 4 * 1024; }");
        page.keyboard().type("base64 -w 200 /dev/urandom | head -c 12000000; echo; echo flood-done-$((1+2))");
        page.keyboard().press("Enter");
        // A page that is busy (here: held by a loop) falls behind; once it runs again the unrendered
        // backlog passes the high-water mark and the terminal must tell the agent to pause.
        String done = "window.isolab.text('1').split('\\n').some(l => l.trim() === 'flood-done-3')";
        // Each stall is longer than the last: on a loaded host output arrives slowly, and a short
        // stall may not let enough pile up to pass the high-water mark.
        for (int i = 1; i <= 20 && pauses() == 0 && !(Boolean) page.evaluate("() => " + done); i++) {
            page.evaluate("ms => { const t = Date.now(); while (Date.now() - t < ms) {} }", Math.min(1500 * i, 8000));
        }
        waitFor("() => " + done);
        assertThat(pauses()).as("flow control paused the agent at least once").isPositive();
        waitFor(PROMPT);
        page.keyboard().type("echo after-$((3*3))");
        page.keyboard().press("Enter");
        waitFor("() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'after-9')");
    }

    @Test
    void aDroppedConnectionReconnectsToTheSameShell() {
        page.navigate(url("/labs/demo/steps/1"));
        waitForShell();
        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("export BLIP=same-$((4*4))");
        page.keyboard().press("Enter");
        waitFor(PROMPT);
        page.evaluate("() => window.isolab.terminals.get('1').ws.close()");
        waitFor("() => window.isolab.terminals.get('1').connected && window.isolab.terminals.get('1').attempt === 0");
        waitFor(PROMPT);
        page.keyboard().type("echo blip=$BLIP");
        page.keyboard().press("Enter");
        waitFor("() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'blip=same-16')");
    }

    @Test
    void restartGivesAFreshSandboxAndTheTerminalFollows() {
        page.navigate(url("/labs/demo/steps/1"));
        waitForShell();
        String first = sandboxes.readyId(learner().orElseThrow(), "demo").orElseThrow();
        page.onDialog(dialog -> dialog.accept());
        page.locator("#sandbox-status button.restart").click();
        assertThat(page.locator("#sandbox-status")).hasAttribute("data-state", "starting");
        waitForShell();
        String second = sandboxes.readyId(learner().orElseThrow(), "demo").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        page.locator(".terminal-box.active .xterm").click();
        page.keyboard().type("echo fresh-$((2*2))");
        page.keyboard().press("Enter");
        waitFor("() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'fresh-4')");
        assertThat(agent.get(first)).as("the old sandbox is gone").isEmpty();
    }

    private int pauses() {
        return ((Number) page.evaluate("() => window.isolab.terminals.get('1').pauses")).intValue();
    }

    private void waitForShell() {
        assertThat(page.locator("#sandbox-status")).hasAttribute("data-state", "ready",
                new LocatorAssertions.HasAttributeOptions().setTimeout(DEADLINE_MS));
        waitFor(PROMPT);
    }

    private void waitFor(String predicate) {
        page.waitForFunction(predicate, null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
    }

    private java.util.Optional<String> learner() {
        return context.cookies().stream().filter(c -> c.name.equals("isolab_learner")).map(c -> c.value).findFirst();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
