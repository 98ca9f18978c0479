package io.isolab.agent.sandbox;

import io.isolab.agent.fixture.TestAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/** Warm pool, restart re-adoption and crash leftovers, expiry: one agent name, restarted in between. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolRestartReaperIT {

    private static TestAgent agent;
    private static final Set<String> sessionIds = new HashSet<>();

    @BeforeAll
    static void start() {
        TestAgent.requireImage();
        agent = new TestAgent("pool", Map.of(
                "isolab.agent.pool.size", "2",
                "isolab.agent.reaper-interval", "2s"));
        agent.start();
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    private static JsonNode capacity() {
        return agent.call("GET", "/api/v1/capacity", null).json();
    }

    @Test
    @Order(1)
    void poolHandsOutDistinctReadySandboxesAndRefills() {
        TestAgent.await("two warm sandboxes", Duration.ofSeconds(180), () -> capacity().get("pool").get("ready").asInt() == 2);
        Set<String> warmContainers = new HashSet<>(agent.containerNames(false));
        assertThat(warmContainers).hasSize(2);
        assertThat(agent.call("GET", "/api/v1/sandboxes", null).json()).isEmpty();

        // claim both at once: each session must get its own sandbox
        List<CompletableFuture<JsonNode>> claims = List.of("s-a", "s-b").stream()
                .map(s -> CompletableFuture.supplyAsync(() -> agent.createSandbox(Map.of("session", s)))).toList();
        List<JsonNode> got = claims.stream().map(CompletableFuture::join).toList();
        Set<String> ids = new HashSet<>();
        got.forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).hasSize(2);
        got.forEach(s -> assertThat(s.get("state").asText()).isEqualTo("ready"));
        sessionIds.addAll(ids);
        // they came from the pool: no new container was needed to serve them
        Set<String> warmIds = new HashSet<>();
        for (String name : warmContainers) {
            warmIds.add(TestAgent.sh("docker inspect -f '{{.Id}}' " + name).substring(0, 12));
        }
        assertThat(warmIds).containsAll(ids);

        TestAgent.await("pool refilled", Duration.ofSeconds(180), () -> capacity().get("pool").get("ready").asInt() == 2);
        assertThat(capacity().get("running").asInt()).isEqualTo(4);
        assertThat(agent.call("GET", "/api/v1/sandboxes", null).json().findValuesAsText("session"))
                .containsExactlyInAnyOrder("s-a", "s-b");
    }

    @Test
    @Order(2)
    void restartReadoptsRunningSandboxesAndRemovesCrashLeftovers() throws Exception {
        agent.stop();
        // what a crash can leave: a stopped sandbox container and a directory without a container
        String stopped = "isolab-" + agent.name() + "-deadbeef00";
        TestAgent.sh("docker create --name " + stopped + " --label io.isolab.agent=" + agent.name()
                + " isolab/lab-node:latest true");
        Path orphan = agent.stateDir().resolve("sandboxes").resolve("isolab-" + agent.name() + "-0bad0bad00");
        Files.createDirectories(orphan.resolve("docker"));
        // another agent's directory in the same state dir must survive
        Path foreign = agent.stateDir().resolve("sandboxes").resolve("isolab-someone-else-1234");
        Files.createDirectories(foreign);

        agent.start();

        JsonNode list = agent.call("GET", "/api/v1/sandboxes", null).json();
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(sessionIds);
        assertThat(list.findValuesAsText("session")).containsExactlyInAnyOrder("s-a", "s-b");
        assertThat(capacity().get("pool").get("ready").asInt()).isEqualTo(2);
        assertThat(agent.containerNames(true)).doesNotContain(stopped).hasSize(4);
        assertThat(orphan).doesNotExist();
        assertThat(foreign).exists();
        // adopted sandboxes still work
        String any = sessionIds.iterator().next();
        assertThat(agent.exec(any, 30, "docker info >/dev/null && echo inner-ok").get("stdout").asText()).contains("inner-ok");
    }

    @Test
    @Order(3)
    void expiredSandboxIsReaped() {
        JsonNode s = agent.createSandbox(Map.of("session", "s-short", "ttlSeconds", 3));
        String id = s.get("id").asText();
        String container = TestAgent.sh("docker ps --filter id=" + id + " --format '{{.Names}}'");
        assertThat(container).startsWith("isolab-" + agent.name());
        Path dir = agent.stateDir().resolve("sandboxes").resolve(container);

        TestAgent.await("expired sandbox reaped", Duration.ofSeconds(90),
                () -> agent.call("GET", "/api/v1/sandboxes/" + id, null).status() == 404);
        TestAgent.await("container removed", Duration.ofSeconds(60), () -> !agent.containerNames(true).contains(container));
        TestAgent.await("directory removed", Duration.ofSeconds(60), () -> !Files.exists(dir));
        // sessions that did not expire are untouched
        assertThat(agent.call("GET", "/api/v1/sandboxes", null).json().findValuesAsText("id")).containsAll(sessionIds);
    }

    @Test
    @Order(4)
    void idleSandboxIsReclaimedWhileActiveOneSurvives() {
        agent.stop();
        agent.start(Map.of("isolab.agent.idle-timeout", "6s"));
        List<String> ids = List.copyOf(sessionIds);
        String active = ids.get(0);
        String idle = ids.get(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        // exec counts as activity; keep one sandbox busy until the other is reclaimed
        while (agent.call("GET", "/api/v1/sandboxes/" + idle, null).status() != 404) {
            assertThat(System.nanoTime()).as("idle sandbox reclaimed in time").isLessThan(deadline);
            assertThat(agent.exec(active, 10, "true").get("exitCode").asInt()).isZero();
            sleep(1000);
        }
        assertThat(agent.call("GET", "/api/v1/sandboxes/" + active, null).status()).isEqualTo(200);
        // warm sandboxes wait for learners; idleness does not apply to them
        assertThat(capacity().get("pool").get("ready").asInt()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
