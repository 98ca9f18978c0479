package io.isolab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.progress.ProgressRepository;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.sandbox.SandboxInfo;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.SandboxWait;
import io.isolab.testing.TempDatabase;
import io.isolab.testing.TerminalOutput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Learners are kept apart by the server, not by secret ids: learner B (another browser, another
 * account, or A's own old anonymous cookie after A signed in) cannot reach A's sandbox JSON, checks,
 * terminal WebSocket or preview by any path, even presenting A's sandbox id or agent session name.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class IsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    @Autowired
    ProgressRepository progress;
    @Autowired
    AccountRepository accounts;

    private final List<String> learners = new ArrayList<>();

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "isolation");
    }

    @AfterEach
    void removeSandboxes() {
        learners.forEach(l -> sandboxes.readyId(l, "demo").ifPresent(agent::delete));
    }

    @Test
    void anotherLearnerCannotReachMySandboxByAnyPath() throws Exception {
        // A starts anonymously, then signs up: the running sandbox stays A's.
        LearnerClient alice = new LearnerClient(port);
        alice.get("/");
        String aliceCookie = alice.learner();
        learners.add(aliceCookie);
        SandboxWait.ready(alice, "demo", 1);
        String sandbox = sandboxes.readyId(aliceCookie, "demo").orElseThrow();
        String name = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        alice.form("/signup", "username", name, "password", "alice-password");
        String aliceLearner = accounts.find(name).orElseThrow().learnerId();
        learners.add(aliceLearner);
        assertThat(sandboxes.readyId(aliceLearner, "demo")).as("the sandbox moved to the account").contains(sandbox);
        assertThat(JSON.readTree(alice.get("/labs/demo/sandbox").body()).path("state").asText()).isIn("ready", "expiring");
        TerminalOutput output = new TerminalOutput();
        WebSocket terminal = alice.terminal("demo", "1", output);
        TerminalOutput.type(terminal, "echo alice-$((20+1))\r");
        output.await("alice-21", Duration.ofSeconds(60));
        agent.shell(sandbox, "mkdir -p /tmp/www && echo alice-page > /tmp/www/index.html && (busybox httpd -p 8098 -h /tmp/www)", 10);
        assertThat(alice.get("/labs/demo/preview/8098/").body()).contains("alice-page");
        assertThat(alice.post("/labs/demo/steps/1/check", "{}").statusCode()).isEqualTo(200);
        int aliceAttempts = progress.steps(aliceLearner, "demo").getFirst().attempts();
        String session = agent.get(sandbox).map(SandboxInfo::session).orElseThrow();

        LearnerClient oldCookie = new LearnerClient(port, aliceCookie);   // A's browser after the account took over
        LearnerClient bob = new LearnerClient(port);
        bob.form("/signup", "username", "bob-" + UUID.randomUUID().toString().substring(0, 8), "password", "bob-password");
        LearnerClient carol = new LearnerClient(port);                     // plain anonymous
        carol.get("/");
        for (LearnerClient other : List.of(oldCookie, bob, carol)) {
            learners.add(other.learner());
            String who = other == bob ? "bob (account)" : other == carol ? "carol (anonymous)" : "A's old cookie";
            assertThat(JSON.readTree(other.get("/labs/demo/sandbox").body()).path("state").asText()).as(who).isEqualTo("none");
            assertThat(other.post("/labs/demo/steps/1/check", "{}").statusCode()).as(who).isEqualTo(409);
            assertThat(other.post("/labs/demo/sandbox/extend", "").statusCode()).as(who).isEqualTo(409);
            assertThat(other.get("/labs/demo/preview/8098/").statusCode()).as(who).isEqualTo(403);
            assertThat(refused(other, "demo", "1")).as(who).isEqualTo(403);
            // Presenting A's sandbox id or agent session name anywhere a lab id or parameter goes.
            for (String id : List.of(sandbox, session)) {
                assertThat(other.get("/labs/" + id + "/sandbox").statusCode()).as(who + " " + id).isEqualTo(404);
                assertThat(other.post("/labs/" + id + "/steps/1/check", "{}").statusCode()).as(who + " " + id).isEqualTo(404);
                assertThat(other.get("/labs/demo/sandbox?sandbox=" + id + "&session=" + id).body()).as(who).contains("\"none\"");
                assertThat(other.get("/labs/" + id + "/preview/8098/").statusCode()).as(who + " " + id).isIn(403, 404);
                assertThat(other.get("/labs/demo/preview/8098/?sandbox=" + id).statusCode()).as(who + " " + id).isEqualTo(403);
                assertThat(refused(other, id, "1")).as(who + " " + id).isIn(403, 404);
                assertThat(refused(other, "demo", "1?sandbox=" + id + "&session=" + id + "&x=")).as(who + " " + id)
                        .isEqualTo(403);
            }
        }
        assertThat(progress.steps(aliceLearner, "demo").getFirst().attempts()).as("nobody else's checks count for A")
                .isEqualTo(aliceAttempts);
        assertThat(agent.get(sandbox)).as("A's sandbox is untouched").isPresent();

        // The agent itself is never reachable without its token (the browser never has it).
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(System.getenv("ISOLAB_AGENT_URL") + "/api/v1/sandboxes/" + sandbox)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(alice.get("/").body()).doesNotContain(System.getenv("ISOLAB_AGENT_TOKEN"));
    }

    @Test
    void healthShowsTheAgentsCapacity() throws Exception {
        HttpResponse<String> response = new LearnerClient(port).get("/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("database").asText()).isEqualTo("ok");
        assertThat(health.path("agent").path("reachable").asBoolean()).isTrue();
        JsonNode capacity = health.path("agent").path("capacity");
        assertThat(capacity.path("possible").asInt()).isPositive();
        assertThat(capacity.path("running").asInt()).isNotNegative();
        assertThat(capacity.has("pool")).isTrue();
        assertThat(health.path("reason").isNull()).isTrue();
    }

    /** The status of a refused terminal handshake (a handshake that succeeds fails the test). */
    private static int refused(LearnerClient learner, String lab, String terminal) {
        return assertThrows(LearnerClient.HandshakeRefused.class,
                () -> learner.terminal(lab, terminal, new TerminalOutput())).status;
    }
}
