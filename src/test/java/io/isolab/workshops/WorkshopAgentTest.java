package io.isolab.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.accounts.AccountService;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.sandbox.SandboxInfo;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.SandboxWait;
import io.isolab.testing.TempDatabase;
import io.isolab.testing.TerminalOutput;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
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
 * A workshop against a real agent: the learner's sandbox gets the workshop's limits, checks show up
 * in the roster, and the instructor watches the learner's terminal (read-only; typing only while the
 * learner allows it).
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class WorkshopAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    @Autowired
    AccountService accounts;
    @Autowired
    Prewarm prewarm;
    @Autowired
    WorkshopRepository repository;

    private LearnerClient learner;

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "workshop-agent");
        registry.add("isolab.workshops.pool-default", () -> "0");   // the test agent keeps no warm pool
    }

    @AfterEach
    void removeSandbox() {
        if (learner != null) sandboxes.readyId(learner.learner(), "demo").ifPresent(agent::delete);
    }

    @Test
    void limitsRosterAndWatching() throws Exception {
        Instructor instructor = Instructor.signIn(port, accounts);
        Map<String, Object> form = WorkshopPagesTest.workshop("Live", -5, 120);
        form.put("prewarm", "0");
        long id = instructor.create(form);
        String code = Jsoup.parse(instructor.get("/instructor/workshops/" + id).body()).getElementById("join-code").text();
        learner = new LearnerClient(port);
        learner.get("/");
        assertThat(learner.form("/join/" + code, "name", "Grace").statusCode()).isEqualTo(302);
        long participant = JSON.readTree(instructor.get("/instructor/workshops/" + id + "/roster").body())
                .path("learners").get(0).path("participant").asLong();

        // The sandbox is made with the workshop's limits.
        SandboxWait.ready(learner, "demo", 1);
        String sandbox = sandboxes.readyId(learner.learner(), "demo").orElseThrow();
        SandboxInfo.Limits limits = agent.get(sandbox).orElseThrow().limits();
        assertThat(limits.memoryMiB()).isEqualTo(768);
        assertThat(limits.pids()).isEqualTo(256);
        assertThat(limits.cpus()).isEqualTo(0.5);

        String watchPath = "/instructor/workshops/" + id + "/learners/" + participant + "/labs/demo/terminal";
        Instructor.Refused noTerminal = assertThrows(Instructor.Refused.class,
                () -> instructor.socket(watchPath, new TerminalOutput()));
        assertThat(noTerminal.status).as("nothing to watch before the learner opened a terminal").isEqualTo(404);

        // A failed check (no shell yet), then the learner opens the terminal and passes.
        assertThat(JSON.readTree(learner.post("/labs/demo/steps/1/check", "{}").body()).path("passed").asBoolean()).isFalse();
        TerminalOutput mine = new TerminalOutput();
        WebSocket shell = learner.terminal("demo", "1", mine);
        TerminalOutput.type(shell, "echo ready-$((40+2))\r");
        mine.await("ready-42", WAIT);
        // Only instructors may watch: not the anonymous, not the learner, not a signed-in learner account.
        for (Instructor nobody : new Instructor[]{Instructor.anonymous(port),
                Instructor.signIn(port, accounts, io.isolab.accounts.Role.LEARNER)}) {
            Instructor.Refused refused = assertThrows(Instructor.Refused.class,
                    () -> nobody.socket(watchPath, new TerminalOutput()));
            assertThat(refused.status).isIn(302, 401, 403);
        }
        assertThat(JSON.readTree(learner.post("/labs/demo/steps/1/check", "{}").body()).path("passed").asBoolean()).isTrue();
        JsonNode cell = JSON.readTree(instructor.get("/instructor/workshops/" + id + "/roster").body())
                .path("learners").get(0).path("cells").get(0);
        assertThat(cell.path("status").asText()).isEqualTo("done");
        assertThat(cell.path("attempts").asInt()).isEqualTo(2);
        assertThat(cell.path("failedChecks").asInt()).isEqualTo(1);

        // Watching: the learner's output appears; the watcher's typing does not reach the shell,
        // even when it asks for share without the learner's consent.
        TerminalOutput watcher = new TerminalOutput();
        WebSocket watch = instructor.socket(watchPath + "?mode=share", watcher);
        watcher.await("ready-42", WAIT);   // the replay
        TerminalOutput.type(shell, "echo seen-$((6*7))\r");
        watcher.await("seen-42", WAIT);
        assertThat(learnerView("watched")).isTrue();
        TerminalOutput.type(watch, "echo intruder-$((3*3))\r");
        TerminalOutput.type(shell, "echo after-$((1+1))\r");
        mine.await("after-2", WAIT);
        watcher.await("after-2", WAIT);
        assertThat(mine.text()).doesNotContain("intruder");

        // The learner allows typing: a share socket types into the shell.
        assertThat(learner.post("/workshops/me/share", "{\"allow\":true}").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(instructor.get("/instructor/workshops/" + id + "/learners/" + participant + "/share").body())
                .path("allowTyping").asBoolean()).isTrue();
        TerminalOutput sharer = new TerminalOutput();
        WebSocket share = instructor.socket(watchPath + "?mode=share", sharer);
        TerminalOutput.type(share, "echo shared-$((4*4))\r");
        mine.await("shared-16", WAIT);

        // Withdrawing closes the share socket at once; the read-only watcher stays.
        learner.post("/workshops/me/share", "{\"allow\":false}");
        awaitTrue(() -> Integer.valueOf(ShareConsent.WITHDRAWN).equals(sharer.closeCode()), "share socket closed with 4001");
        assertThat(watcher.closeCode()).isNull();
        watch.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        shell.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void prewarmRaisesTheAgentPoolBeforeTheStartAndLowersItAfter() throws Exception {
        Instructor instructor = Instructor.signIn(port, accounts);
        Map<String, Object> form = WorkshopPagesTest.workshop("Warm", 3, 60);   // starts within the 5 min lead
        form.put("prewarm", "1");
        form.remove("memoryMiB");
        form.remove("cpus");
        form.remove("pids");
        long id = instructor.create(form);
        Workshop workshop = repository.find(id).orElseThrow();
        try {
            prewarm.update(Instant.now());
            JsonNode pool = JSON.readTree(instructor.get("/instructor/workshops/" + id + "/pool").body());
            assertThat(pool.path("target").asInt()).isEqualTo(1);
            assertThat(pool.path("warming").asBoolean()).isTrue();
            assertThat(pool.path("prewarm").asInt()).isEqualTo(1);
        } finally {
            prewarm.update(workshop.startsAt().plusSeconds(1));   // started: back to the default
            repository.close(id);   // so the scheduler of this (cached) context does not warm it again
            prewarm.update(Instant.now());
        }
        assertThat(agent.pool().target()).isEqualTo(0);
        assertThat(prewarm.warming()).doesNotContain(id);
    }

    private boolean learnerView(String field) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            JsonNode me = JSON.readTree(learner.get("/workshops/me?lab=demo").body());
            if (me.path(field).asBoolean() || Instant.now().isAfter(deadline)) return me.path(field).asBoolean();
            Thread.sleep(200);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("Timed out waiting: " + what);
            Thread.sleep(100);
        }
    }
}
