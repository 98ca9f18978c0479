package io.isolab.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.progress.ProgressRepository;
import io.isolab.progress.StepProgress;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.SandboxWait;
import io.isolab.testing.TempDatabase;
import io.isolab.testing.TerminalOutput;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * A learner's whole path against a real agent: sandbox start with lab and step setup, terminal
 * through the relay, checks failing then passing, preview of a port, and another learner shut out.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class SandboxFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    @Autowired
    ProgressRepository progress;

    private final List<String> learners = new ArrayList<>();

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "flow");
    }

    @AfterEach
    void removeSandboxes() {
        learners.forEach(l -> sandboxes.readyId(l, "demo").ifPresent(agent::delete));
    }

    @Test
    void learnerWorksInOwnSandboxAndNobodyElseGetsIn() throws Exception {
        LearnerClient alice = new LearnerClient(port);
        alice.get("/");
        learners.add(alice.learner());
        SandboxWait.ready(alice, "demo", 1);
        String sandbox = sandboxes.readyId(alice.learner(), "demo").orElseThrow();
        JsonNode before = JSON.readTree(alice.get("/labs/demo/sandbox").body());
        JsonNode extended = JSON.readTree(alice.post("/labs/demo/sandbox/extend", "").body());
        assertThat(java.time.Instant.parse(extended.path("expiresAt").asText()))
                .as("Extend moves the expiry: " + before + " -> " + extended)
                .isAfter(java.time.Instant.parse(before.path("expiresAt").asText()));
        assertThat(agent.shell(sandbox, "cat /tmp/lab-setup", 10).stdout()).as("lab setup ran").contains("setup");

        JsonNode first = JSON.readTree(alice.post("/labs/demo/steps/1/check", "{\"answers\":[]}").body());
        assertThat(first.path("passed").asBoolean()).as("no shell runs before the terminal opens: " + first).isFalse();
        assertThat(first.path("conditions").get(0).path("hint").asText()).contains("Open the terminal");

        TerminalOutput output = new TerminalOutput();
        WebSocket terminal = alice.terminal("demo", "1", output);
        TerminalOutput.type(terminal, "echo isolab-$((6*7))\r");
        output.await("isolab-42", Duration.ofSeconds(60));

        JsonNode passed = JSON.readTree(alice.post("/labs/demo/steps/1/check", "{\"answers\":[]}").body());
        assertThat(passed.path("passed").asBoolean()).as(passed.toString()).isTrue();
        assertThat(passed.path("next").asText()).isEqualTo("/labs/demo/steps/2");
        List<StepProgress> steps = progress.steps(alice.learner(), "demo");
        assertThat(steps.getFirst().attempts()).isEqualTo(2);
        assertThat(steps.getFirst().failedChecks()).isEqualTo(1);
        assertThat(steps.getFirst().completedAt()).isNotNull();

        // Lots of output flows through the relay one frame at a time and nothing is lost at the end.
        TerminalOutput.type(terminal, "seq 1 60000 | tail -c 2000000; echo flood-$((1+1))-done\r");
        output.await("flood-2-done", Duration.ofSeconds(90));
        assertThat(output.text()).contains("\n59999");

        // Reattaching gets the same shell: its variable is still set.
        TerminalOutput.type(terminal, "export ISOLAB_MARK=kept-$((2*3))\r");
        output.await("kept-", Duration.ofSeconds(30));
        terminal.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        TerminalOutput again = new TerminalOutput();
        WebSocket reattached = alice.terminal("demo", "1", again);
        TerminalOutput.type(reattached, "echo mark=$ISOLAB_MARK\r");
        again.await("mark=kept-6", Duration.ofSeconds(60));

        // Step 2: its setup runs when the learner moves on; answers are checked.
        agent.shell(sandbox, "touch /tmp/marker", 10);
        SandboxWait.ready(alice, "demo", 2);
        assertThat(agent.shell(sandbox, "test -e /tmp/marker", 10).exitCode()).as("step 2 setup removed the marker").isNotZero();
        TerminalOutput.type(reattached, "touch /tmp/marker\r");
        JsonNode wrong = checkUntilMarker(alice, "41");
        assertThat(wrong.path("passed").asBoolean()).isFalse();
        JsonNode right = JSON.readTree(alice.post("/labs/demo/steps/2/check", "{\"answers\":[\"42\"]}").body());
        assertThat(right.path("passed").asBoolean()).as(right.toString()).isTrue();

        // Preview of a web server inside the sandbox, with a relative link.
        agent.shell(sandbox, "mkdir -p /tmp/www/sub && echo '<a href=\"sub/page.html\">preview-ok</a>' > /tmp/www/index.html"
                + " && echo sub-page-ok > /tmp/www/sub/page.html && (busybox httpd -p 8099 -h /tmp/www)", 10);
        assertThat(alice.get("/labs/demo/preview/8099/").body()).contains("preview-ok");
        assertThat(alice.get("/labs/demo/preview/8099/sub/page.html").body()).contains("sub-page-ok");

        LearnerClient mallory = new LearnerClient(port);
        mallory.get("/");
        learners.add(mallory.learner());
        assertThat(JSON.readTree(mallory.get("/labs/demo/sandbox").body()).path("state").asText()).isEqualTo("none");
        assertThat(assertThrows(LearnerClient.HandshakeRefused.class,
                () -> mallory.terminal("demo", "1", new TerminalOutput())).status).isEqualTo(403);
        assertThat(mallory.get("/labs/demo/preview/8099/").statusCode()).isEqualTo(403);
        assertThat(mallory.post("/labs/demo/steps/1/check", "{}").statusCode()).isEqualTo(409);
    }

    /** The marker was typed into the terminal; wait until the check sees it, with a wrong answer. */
    private static JsonNode checkUntilMarker(LearnerClient learner, String answer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode result;
        do {
            result = JSON.readTree(learner.post("/labs/demo/steps/2/check", "{\"answers\":[\"" + answer + "\"]}").body());
            if (result.path("conditions").get(0).path("passed").asBoolean()) return result;
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The marker never appeared: " + result);
    }
}
