package io.isolab.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import io.isolab.testing.TestLabs;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages over real HTTP, with the agent pointed at a closed port: everything a learner sees
 * before a sandbox exists, and what they see when the agent is dead.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class PagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "pages");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");   // nothing listens: a dead agent
        registry.add("isolab.agent.token", () -> "unused");
    }

    @Test
    void catalogGroupsLabsByTopicAndGivesAnAnonymousCookie() {
        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> page = learner.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("What is a container", "Demo lab", "Two steps to try the player.",
                "More labs", "Scenario demo", "href=\"/labs/demo\"", "/css/isolab.css");
        assertThat(page.body().indexOf("What is a container")).isLessThan(page.body().indexOf("More labs"));
        String cookie = page.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("isolab_learner=").contains("HttpOnly", "SameSite=Lax");
        assertThat(learner.learner()).hasSizeGreaterThanOrEqualTo(22);

        HttpResponse<String> again = learner.get("/");
        assertThat(again.headers().firstValue("set-cookie")).as("a known learner keeps their cookie").isEmpty();
    }

    @Test
    void mindMapShowsTheTreeWithProgressColours() {
        HttpResponse<String> page = new LearnerClient(port).get("/map");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"map-processes\"", "id=\"map-namespaces\"", "status-none");
        // namespaces is a child of processes, so it is drawn inside the processes node.
        int processes = page.body().indexOf("id=\"map-processes\"");
        int namespaces = page.body().indexOf("id=\"map-namespaces\"");
        assertThat(namespaces).isGreaterThan(processes);
    }

    @Test
    void labRedirectsToTheCurrentStepOrTheIntro() {
        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> lab = learner.get("/labs/demo");
        assertThat(lab.statusCode()).isEqualTo(302);
        assertThat(lab.headers().firstValue("location").orElseThrow()).endsWith("/labs/demo/steps/1");
        HttpResponse<String> scenario = learner.get("/labs/" + TestLabs.SCENARIO);
        assertThat(scenario.headers().firstValue("location").orElseThrow()).endsWith("/intro");
        assertThat(learner.get("/labs/" + TestLabs.SCENARIO + "/intro").body())
                .contains("Welcome to the scenario.", "Start the lab");
        assertThat(learner.get("/labs/" + TestLabs.SCENARIO + "/finish").body()).contains("All done here.");
    }

    @Test
    void labPageHasStepTextTerminalAndCheck() {
        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> page = learner.get("/labs/demo/steps/2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Leave a marker", "Step 2 of 2", "id=\"terminals\"", "Terminal 1",
                "id=\"sandbox-status\"", "id=\"check\"", "What is 6*7?", "Show solution", "touch /tmp/marker",
                "data-action=\"write\"", "/vendor/lib/xterm.js", "/vendor/addon-fit.js", "/js/lab.js",
                "\"poll\":true");
        assertThat(page.body()).contains("class=\"button locked\"");
        assertThat(learner.get("/vendor/lib/xterm.js").statusCode()).isEqualTo(200);
        assertThat(learner.get("/vendor/addon-fit.js").statusCode()).isEqualTo(200);
        assertThat(learner.get("/vendor/css/xterm.css").statusCode()).isEqualTo(200);
    }

    @Test
    void quizAnswersAreChoicesAndScenarioSolutionsAreNotDoubled() {
        HttpResponse<String> page = new LearnerClient(port).get("/labs/" + TestLabs.SCENARIO + "/steps/1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pick one", "type=\"radio\"", "value=\"b\"", "<summary>Solution</summary>",
                "\"foreground\":\"echo foreground\"");
        assertThat(page.body()).doesNotContain("Show solution");
    }

    @Test
    void labFilesServeMediaOnlyFromInsideTheLab() {
        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> image = learner.get("/labs/demo/files/img/pic.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type").orElseThrow()).isEqualTo("image/png");
        assertThat(image.headers().firstValue("content-security-policy").orElseThrow()).contains("default-src 'none'");
        assertThat(learner.get("/labs/demo/files/lab.yaml").statusCode()).as("lab sources stay private").isEqualTo(404);
        assertThat(learner.get("/labs/demo/files/img/missing.png").statusCode()).isEqualTo(404);
        assertThat(learner.get("/labs/demo/files/%2e%2e/%2e%2e/etc/passwd").statusCode()).isIn(400, 404);
    }

    @Test
    void unknownLabsAndStepsGetAFriendlyPageWithoutStackTrace() {
        LearnerClient learner = new LearnerClient(port);
        for (String path : new String[]{"/labs/nope", "/labs/demo/steps/99", "/labs/demo/steps/abc", "/no/such/page"}) {
            HttpResponse<String> page = learner.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Not found", "Back to the labs")
                    .doesNotContain("Exception", "at io.isolab", "Whitelabel", "trace");
        }
        assertThat(learner.get("/labs/nope").body()).contains("There is no lab called &quot;nope&quot;.");
    }

    @Test
    void apiErrorsAreJsonWithoutStackTrace() throws Exception {
        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> noSandbox = learner.post("/labs/demo/steps/1/check", "{\"answers\":[]}");
        assertThat(noSandbox.statusCode()).isEqualTo(409);
        assertThat(json.readTree(noSandbox.body()).path("message").asText()).contains("start it");

        HttpResponse<String> garbage = learner.post("/labs/demo/steps/1/check", "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("not understood").doesNotContain("Exception");

        HttpResponse<String> unknown = learner.post("/labs/nope/sandbox", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("error").asText()).isEqualTo("not-found");
    }

    @Test
    void aDeadAgentReadsAsSandboxUnavailable() throws Exception {
        LearnerClient learner = new LearnerClient(port);
        JsonNode status = json.readTree(learner.post("/labs/demo/sandbox?step=1", "").body());
        assertThat(status.path("state").asText()).isIn("starting", "failed");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status.path("state").asText().equals("starting") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = json.readTree(learner.get("/labs/demo/sandbox").body());
        }
        assertThat(status.path("state").asText()).isEqualTo("failed");
        assertThat(status.path("message").asText()).contains("unavailable");

        HttpResponse<String> extend = learner.post("/labs/demo/sandbox/extend", "");
        assertThat(extend.statusCode()).isEqualTo(409);
    }

    @Test
    void withoutOwnSandboxTerminalAndPreviewAreRefused() {
        LearnerClient learner = new LearnerClient(port);
        learner.get("/");
        LearnerClient.HandshakeRefused refused = assertThrows(LearnerClient.HandshakeRefused.class,
                () -> learner.terminal("demo", "1", new WebSocket.Listener() { }));
        assertThat(refused.status).isEqualTo(403);
        assertThat(learner.get("/labs/demo/preview/80/").statusCode()).isEqualTo(403);
        HttpResponse<String> redirect = learner.get("/labs/demo/preview/80");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location").orElseThrow()).endsWith("/labs/demo/preview/80/");
    }
}
