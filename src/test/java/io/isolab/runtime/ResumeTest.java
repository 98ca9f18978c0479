package io.isolab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.LabFormat;
import io.isolab.catalog.Step;
import io.isolab.catalog.Topic;
import io.isolab.checks.StepChecker;
import io.isolab.player.LabSource;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.testing.AgentEnvironment;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.SandboxWait;
import io.isolab.testing.ScriptStepChecker;
import io.isolab.testing.TempDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Resume against a real agent: a learner passes step 1 (which creates state step 2 needs), gets a
 * fresh sandbox at step 2, and the runtime replays step 1's solution so step 2's check can pass.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ResumeTest.ResumeLab.class)
class ResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "/root/app/config";

    @LocalServerPort
    int port;
    @Autowired
    AgentClient agent;
    @Autowired
    LabSandboxes sandboxes;
    @Autowired
    LabRuntime runtime;
    @Autowired
    LabSource labs;

    private final List<String> learners = new ArrayList<>();

    @BeforeAll
    static void needsAgent() {
        AgentEnvironment.require();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "resume");
    }

    @AfterEach
    void removeSandboxes() {
        learners.forEach(l -> sandboxes.readyId(l, "resume").ifPresent(agent::delete));
    }

    @Test
    void freshSandboxAtStepTwoReplaysStepOnesSolution() throws Exception {
        LearnerClient learner = new LearnerClient(port);
        learner.get("/");
        learners.add(learner.learner());
        SandboxWait.ready(learner, "resume", 1);
        String first = sandboxes.readyId(learner.learner(), "resume").orElseThrow();
        agent.shell(first, "mkdir -p /root/app && echo v1 >> " + CONFIG, 10);
        assertThat(check(learner, 1).path("passed").asBoolean()).isTrue();

        // In the same sandbox, moving on replays nothing: the learner did step 1 right here.
        JsonNode moved = SandboxWait.ready(learner, "resume", 2);
        assertThat(agent.shell(first, "cat " + CONFIG, 10).stdout()).isEqualTo("v1\n");
        assertThat(moved.path("message").asText()).doesNotContain("Replayed");

        // Restart (a new container) at step 2: step 1's solution runs before the learner gets it.
        JSON.readTree(learner.delete("/labs/resume/sandbox?step=2").body());
        JsonNode status = awaitReady(learner);
        String second = sandboxes.readyId(learner.learner(), "resume").orElseThrow();
        assertThat(second).as(status.toString()).isNotEqualTo(first);
        assertThat(agent.shell(second, "cat " + CONFIG, 10).stdout()).as("replayed once").isEqualTo("v1\n");
        assertThat(status.path("message").asText()).as("the status line tells the learner")
                .startsWith("Replayed your solution of step 1").contains(LabRuntime.REPLAY_LOG);
        assertThat(agent.shell(second, "cat " + LabRuntime.REPLAY_LOG, 10).stdout()).as("the commands are there to read")
                .contains("### step 1: your earlier solution", "echo v1 >> " + CONFIG);
        assertThat(check(learner, 2).path("passed").asBoolean()).as("step 2 not done yet").isFalse();
        agent.shell(second, "sed -i s/v1/v2/ " + CONFIG, 10);
        JsonNode passed = check(learner, 2);
        assertThat(passed.path("passed").asBoolean()).as("step 2 passes on the replayed state: " + passed).isTrue();

        // What the status line says while replaying.
        agent.shell(second, "rm -rf /root/app " + LabRuntime.MARKERS + "/solved-1", 10);
        List<String> messages = new ArrayList<>();
        Lab lab = labs.lab("resume").orElseThrow();
        runtime.forStep(lab, 2, Set.of(1)).prepare(second, messages::add);
        assertThat(messages).contains("Replaying step 1 (your earlier solution): step 1 (1 of 1)…");
        assertThat(agent.shell(second, "cat " + CONFIG, 10).stdout()).isEqualTo("v1\n");
        // Steps the learner never passed are not replayed.
        agent.shell(second, "rm -rf /root/app " + LabRuntime.MARKERS + "/solved-1", 10);
        runtime.forStep(lab, 2, Set.of()).prepare(second, messages::add);
        assertThat(agent.exec(second, List.of("test", "-e", CONFIG), 10).exitCode()).isNotZero();
    }

    private static JsonNode check(LearnerClient learner, int step) throws Exception {
        return JSON.readTree(learner.post("/labs/resume/steps/" + step + "/check", "{\"answers\":[]}").body());
    }

    /** Polls until a restart has gone through "starting" and is ready again. */
    private static JsonNode awaitReady(LearnerClient learner) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        JsonNode status;
        do {
            Thread.sleep(250);
            status = JSON.readTree(learner.get("/labs/resume/sandbox").body());
            if (status.path("state").asText().equals("failed")) break;
        } while (!status.path("state").asText().matches("ready|expiring") && Instant.now().isBefore(deadline));
        assertThat(status.path("state").asText()).as(status.toString()).isIn("ready", "expiring");
        return status;
    }

    /** A lab whose step 2 changes what step 1 created. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ResumeLab {
        @Bean
        @Primary
        LabSource resumeLabs() throws Exception {
            Path dir = Files.createTempDirectory("isolab-resume-lab");
            Step create = new Step(1, "create", "Create the config", "<p>Create it.</p>", false, null, null,
                    List.of(new Condition("script", Map.of("run", "test -f " + CONFIG), "Create " + CONFIG + ".",
                            "labs/resume/01.md:3")),
                    "mkdir -p /root/app && echo v1 >> " + CONFIG, List.of(), "resume/01.md");
            Step change = new Step(2, "change", "Change the config", "<p>Change it.</p>", false, null, null,
                    List.of(new Condition("script", Map.of("run", "grep -qx v2 " + CONFIG), "Put v2 in " + CONFIG + ".",
                            "labs/resume/02.md:3")),
                    "sed -i s/v1/v2/ " + CONFIG, List.of(), "resume/02.md");
            Lab lab = new Lab("resume", LabFormat.NATIVE, "Resume", "Two dependent steps.", "processes", 5, 10,
                    null, null, null, List.of(create, change), List.of(), dir);
            return new LabSource() {
                @Override
                public List<Lab> labs() {
                    return List.of(lab);
                }

                @Override
                public Optional<Lab> lab(String id) {
                    return lab.id().equals(id) ? Optional.of(lab) : Optional.empty();
                }

                @Override
                public List<Topic> topics() {
                    return List.of(new Topic("processes", "Processes", "A container is a process.", List.of()));
                }
            };
        }

        @Bean
        @Primary
        StepChecker resumeChecker(AgentClient agent) {
            return new ScriptStepChecker(agent);
        }
    }
}
