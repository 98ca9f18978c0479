package io.isolab.workshops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.isolab.IsolabApplication;
import io.isolab.accounts.AccountService;
import io.isolab.accounts.Role;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.ChromiumSession;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.nio.file.Paths;
import java.util.Map;
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
 * An instructor and a learner in two real Chromium contexts against a real agent: the roster updates
 * without a reload when the learner passes a check, and the watch page shows the learner's terminal.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class WorkshopBrowserTest {
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
    AccountService accounts;
    BrowserContext learnerContext;
    BrowserContext instructorContext;

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "workshop-browser");
    }

    @AfterEach
    void cleanUp() {
        if (learnerContext != null) {
            learnerContext.cookies().stream().filter(c -> c.name.equals("isolab_learner")).findFirst()
                    .flatMap(c -> sandboxes.readyId(c.value, "demo")).ifPresent(agent::delete);
            learnerContext.close();
        }
        if (instructorContext != null) instructorContext.close();
    }

    @Test
    void rosterUpdatesLiveAndTheInstructorWatchesTheTerminal() {
        instructorContext = context();
        Page instructor = instructorContext.newPage();
        String name = "teacher-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "teacher-pass", Role.INSTRUCTOR);
        instructor.navigate(url("/instructor/workshops/new"));   // sends the instructor to sign in first
        instructor.waitForURL("**/login");
        instructor.locator("#username").fill(name);
        instructor.locator("#password").fill("teacher-pass");
        instructor.locator("main button[type=submit]").click();
        instructor.waitForURL("**/instructor/workshops/new**");
        instructor.locator("input[name=title]").fill("Browser workshop");
        Map<String, Object> times = WorkshopPagesTest.workshop("x", -5, 120);
        instructor.locator("input[name=starts]").fill((String) times.get("starts"));
        instructor.locator("input[name=ends]").fill((String) times.get("ends"));
        instructor.locator("input[name=labs][value=demo]").check();
        instructor.locator("main button[type=submit]").click();
        instructor.waitForURL("**/instructor/workshops/*");
        String link = instructor.locator("#join-link").getAttribute("href");
        assertThat(instructor.locator("#roster-state")).containsText("Nobody has joined yet");

        learnerContext = context();
        Page learner = learnerContext.newPage();
        learner.navigate(url(link));
        learner.locator("input[name=name]").fill("Linus");
        learner.locator("main button[type=submit]").click();
        assertThat(learner.locator("main")).containsText("Welcome, Linus");
        learner.locator(".lab-card[data-lab=demo] a").click();
        learner.waitForURL("**/labs/demo/steps/1");
        assertThat(learner.locator("#sandbox-status")).hasAttribute("data-state", "ready",
                new LocatorAssertions.HasAttributeOptions().setTimeout(DEADLINE_MS));
        waitFor(learner, PROMPT);

        // The roster shows the learner on step 1 without a reload.
        assertThat(instructor.locator("#roster tr[data-participant] th.learner")).hasText("Linus");
        assertThat(instructor.locator("#roster td[data-lab=demo][data-step='1']")).hasAttribute("data-status", "started");

        learner.locator("#check").click();
        assertThat(learner.locator("#check-results li.summary")).containsText("Step complete");
        assertThat(instructor.locator("#roster td[data-lab=demo][data-step='1']")).hasAttribute("data-status", "done");
        assertThat(instructor.locator("#roster td[data-lab=demo][data-step='1'] .ok")).hasText("✓");
        assertThat(instructor.locator("#roster td[data-lab=demo][data-step='2']")).hasClass(
                java.util.regex.Pattern.compile("\\bcurrent\\b"));
        instructor.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-roster.png")));

        // Watch: the learner's terminal appears live in the instructor's read-only view.
        Page watch = instructorContext.waitForPage(() -> instructor.locator("#roster a.watch").click());
        waitFor(watch, "() => window.isolabWatch && window.isolabWatch.connected");
        assertThat(watch.locator("#watch-mode")).hasAttribute("data-mode", "watch");
        learner.locator(".terminal-box.active .xterm").click();
        learner.keyboard().type("echo watched-$((6*7))");
        learner.keyboard().press("Enter");
        waitFor(watch, "() => " + bufferHas("window.isolabWatch.term", "watched-42"));
        assertThat(learner.locator("#watched .notice")).hasText("Your instructor is watching your terminal.");
        watch.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/browser-watch.png")));

        // The learner lets the instructor type: the view switches to share and typing reaches the shell.
        learner.locator("#allow-typing").check();
        assertThat(watch.locator("#watch-mode")).hasAttribute("data-mode", "share");
        watch.locator("#watch-term .xterm").click();
        watch.keyboard().type("echo helped-$((5*5))");
        watch.keyboard().press("Enter");
        waitFor(learner, "() => window.isolab.text('1').split('\\n').some(l => l.trim() === 'helped-25')");
        learner.locator("#allow-typing").uncheck();
        assertThat(watch.locator("#watch-mode")).hasAttribute("data-mode", "watch");
    }

    private static String bufferHas(String term, String text) {
        return "{ const b = " + term + ".buffer.active; for (let i = 0; i < b.length; i++) {"
                + " const l = b.getLine(i); if (l && l.translateToString(true).trim() === '" + text + "') return true; }"
                + " return false; }";
    }

    private BrowserContext context() {
        BrowserContext context = chromium.newContext();
        return context;
    }

    private static void waitFor(Page page, String predicate) {
        page.waitForFunction(predicate, null, new Page.WaitForFunctionOptions().setTimeout(DEADLINE_MS));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
