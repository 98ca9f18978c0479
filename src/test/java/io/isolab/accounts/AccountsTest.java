package io.isolab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.IsolabApplication;
import io.isolab.progress.ProgressRepository;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accounts over real HTTP (no agent needed): sign-up and sign-in carry the browser's anonymous
 * progress to the account, progress follows the account to another browser, roles guard
 * /instructor and /admin, and forms and JSON calls need the CSRF token.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"isolab.admin.username=boss", "isolab.admin.password=boss-password-1"})
@Import(PlayerTestConfig.class)
class AccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProgressRepository progress;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "accounts");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");
        registry.add("isolab.agent.token", () -> "unused");
    }

    @Test
    void signUpKeepsAnonymousProgressAndItFollowsTheAccountToAnotherBrowser() {
        String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        LearnerClient laptop = new LearnerClient(port);
        assertThat(laptop.get("/labs/demo/steps/2").statusCode()).isEqualTo(200);
        String anonymous = laptop.learner();
        assertThat(progress.steps(anonymous, "demo")).hasSize(1);

        HttpResponse<String> signedUp = laptop.form("/signup", "username", name, "password", "correct-horse");
        assertThat(signedUp.statusCode()).isEqualTo(302);
        Account account = accounts.find(name).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.LEARNER);
        assertThat(account.learnerId()).isNotEqualTo(anonymous);
        assertThat(progress.steps(account.learnerId(), "demo")).extracting(s -> s.step()).containsExactly(2);
        assertThat(progress.steps(anonymous, "demo")).as("moved, not copied").isEmpty();
        assertThat(laptop.get("/").body()).contains(name, "Sign out");
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(name).query(String.class).single())
                .startsWith("$2").doesNotContain("correct-horse");

        // Another browser did step 1 anonymously, then signs in: both steps are the account's now.
        LearnerClient phone = new LearnerClient(port);
        phone.get("/labs/demo/steps/1");
        String phoneAnonymous = phone.learner();
        HttpResponse<String> signedIn = phone.form("/login", "username", name, "password", "correct-horse");
        assertThat(signedIn.headers().firstValue("location").orElse("")).doesNotContain("error");
        assertThat(progress.steps(account.learnerId(), "demo")).extracting(s -> s.step()).containsExactly(1, 2);
        assertThat(progress.steps(phoneAnonymous, "demo")).isEmpty();
        // Signed in, the phone acts as the account: resume goes to the first step not passed.
        assertThat(phone.get("/labs/demo").headers().firstValue("location").orElseThrow()).endsWith("/labs/demo/steps/1");
        phone.get("/labs/demo/steps/2");
        assertThat(progress.steps(phoneAnonymous, "demo")).as("pages record under the account").isEmpty();

        // Signing out gives the browser a new anonymous identity.
        phone.form("/logout");
        assertThat(phone.get("/").body()).contains("Sign in").doesNotContain(name);
        assertThat(phone.learner()).isNotEqualTo(phoneAnonymous).isNotEqualTo(account.learnerId());
    }

    @Test
    void wrongPasswordAndBadSignUpsAreRefusedWithAMessage() {
        LearnerClient browser = new LearnerClient(port);
        HttpResponse<String> wrong = browser.form("/login", "username", "boss", "password", "nope-nope-nope");
        assertThat(wrong.headers().firstValue("location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("do not match");
        assertThat(browser.form("/signup", "username", "x", "password", "long-enough").body())
                .contains("3 to 32 letters");
        assertThat(browser.form("/signup", "username", "shorty", "password", "short").body())
                .contains("at least 8 characters");
        assertThat(browser.form("/signup", "username", "boss", "password", "long-enough").body())
                .contains("That name is taken");
    }

    @Test
    void rolesGuardInstructorAndAdminPages() {
        LearnerClient stranger = new LearnerClient(port);
        for (String path : new String[]{"/instructor", "/admin"}) {
            HttpResponse<String> refused = stranger.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(302);
            assertThat(refused.headers().firstValue("location").orElseThrow()).as(path).endsWith("/login");
        }
        LearnerClient learner = new LearnerClient(port);
        learner.form("/signup", "username", "lea-" + UUID.randomUUID().toString().substring(0, 8), "password", "learner-pass");
        assertThat(learner.get("/instructor").statusCode()).isEqualTo(403);
        assertThat(learner.get("/admin").statusCode()).isEqualTo(403);

        LearnerClient admin = new LearnerClient(port);
        admin.form("/login", "username", "boss", "password", "boss-password-1");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(admin.get("/instructor").statusCode()).as("admin includes instructor").isEqualTo(200);
        String teacher = "teach-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.form("/admin/instructors", "username", teacher, "password", "teacher-pass").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin").body()).contains(teacher, "INSTRUCTOR");
        // A learner cannot create instructors even with a valid CSRF token.
        assertThat(learner.form("/admin/instructors", "username", "sneaky", "password", "sneaky-pass").statusCode()).isEqualTo(403);
        assertThat(accounts.exists("sneaky")).isFalse();

        LearnerClient instructor = new LearnerClient(port);
        instructor.form("/login", "username", teacher, "password", "teacher-pass");
        assertThat(instructor.get("/instructor").statusCode()).isEqualTo(200);
        assertThat(instructor.get("/instructor").body()).contains(teacher);
        assertThat(instructor.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        LearnerClient page = new LearnerClient(port);
        String html = page.get("/labs/demo/steps/1").body();
        assertThat(html).contains("name=\"csrf-token\"", "name=\"csrf-header\" content=\"X-CSRF-TOKEN\"");
        var http = java.net.http.HttpClient.newHttpClient();
        for (String[] call : new String[][]{{"POST", "/labs/demo/sandbox?step=1"}, {"DELETE", "/labs/demo/sandbox"},
                {"POST", "/labs/demo/steps/1/check"}, {"POST", "/signup"}}) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(page.base() + call[1]))
                    .header("Cookie", "isolab_learner=" + page.learner() + "; JSESSIONID=" + page.session())
                    .header("Content-Type", "application/json")
                    .method(call[0], java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(call[0] + " " + call[1]).isEqualTo(403);
        }
    }
}
