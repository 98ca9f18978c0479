package io.isolab.agent.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolab.agent.fixture.TestAgent;
import io.isolab.agent.terminal.TermClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe endpoints against a real sandbox with real namespaces and an inner container. */
class ProbeApiTest {

    private static TestAgent agent;
    private static String id;

    @BeforeAll
    static void createSandbox() {
        agent = TestAgent.started("probe", Map.of());
        id = agent.createSandbox("s-probe");
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    @AfterEach
    void stopLeftovers() {
        agent.run(id, "pkill -f '^sleep 100[02]$' || true; docker rm -f db >/dev/null 2>&1 || true");
    }

    @Test
    void findsASleepInItsOwnPidNamespace() throws Exception {
        JsonNode sleep;
        try (TermClient term = TermClient.open(agent, id, "probe", 80, 24)) {
            term.type("unshare --fork --pid --mount-proc sleep 1000 &\r");
            sleep = awaitProcess(p -> p.path("cmdline").asText().equals("sleep 1000")
                    && p.path("container").isNull());
        }
        JsonNode init = processes().stream().filter(p -> p.path("sandboxInit").asBoolean()).findFirst().orElseThrow();

        assertThat(init.path("pid").asInt()).isEqualTo(agent.ref(id).initPid());
        assertThat(init.path("nsPid").asInt()).isEqualTo(1);
        assertThat(init.path("sandboxPid").asInt()).isEqualTo(1);
        assertThat(sleep.path("comm").asText()).isEqualTo("sleep");
        assertThat(sleep.path("nsPid").asInt()).isEqualTo(1);
        // what `ps` in the learner's terminal shows, not the 1 of the sleep's own pid namespace
        assertThat(sleep.path("sandboxPid").asText()).isEqualTo(agent.run(id, "pgrep -x -f 'sleep 1000'").strip()).isNotEqualTo("1");
        assertThat(sleep.path("ns").path("pid").asLong()).isNotEqualTo(init.path("ns").path("pid").asLong());
        assertThat(sleep.path("ns").path("net").asLong()).isEqualTo(init.path("ns").path("net").asLong());
        assertThat(sleep.path("ns").path("mnt").asLong()).isNotEqualTo(init.path("ns").path("mnt").asLong());
        assertThat(sleep.path("seccomp").asInt()).isZero();
        assertThat(sleep.path("capEff").asText()).matches("[0-9a-f]{16}");
        assertThat(sleep.path("cgroups").size()).isPositive();
        assertThat(processes()).noneMatch(p -> p.path("pid").asLong() == ProcessHandle.current().pid());
    }

    @Test
    void showsAnInnerContainerByNameWithSeccompAndItsMemoryLimit() throws Exception {
        agent.busyboxImage(id);
        agent.run(id, "docker rm -f db >/dev/null 2>&1; docker run -d --name db -m 100m busybox sleep 1000");

        JsonNode sleep = awaitProcess(p -> "db".equals(p.path("containerName").asText(null)));
        assertThat(sleep.path("cmdline").asText()).isEqualTo("sleep 1000");
        assertThat(sleep.path("seccomp").asInt()).isEqualTo(2);
        assertThat(sleep.path("nsPid").asInt()).isEqualTo(1);
        assertThat(sleep.path("container").asText()).matches("[0-9a-f]{12}");
        assertThat(sleep.path("sandboxPid").asText()).isEqualTo(agent.run(id, "docker inspect -f '{{.State.Pid}}' db").strip());
        assertThat(agent.run(id, "docker inspect -f '{{.Id}}' db")).startsWith(sleep.path("container").asText());

        TestAgent.Answer cgroup = agent.call("GET", "/api/v1/sandboxes/" + id + "/containers/db/cgroup", null);
        assertThat(cgroup.status()).as(cgroup.body()).isEqualTo(200);
        JsonNode stats = cgroup.json();
        assertThat(stats.path("container").asText()).isEqualTo("db");
        assertThat(stats.path("memoryLimitBytes").asLong()).isEqualTo(104857600L);
        assertThat(stats.path("memoryUsageBytes").asLong()).isPositive();
        assertThat(stats.path("pidsCurrent").asLong()).isEqualTo(1);
        assertThat(stats.path("cpuQuotaMicros").isNull()).isTrue();

        agent.run(id, "docker kill db >/dev/null && docker wait db >/dev/null");
        TestAgent.Answer stopped = agent.call("GET", "/api/v1/sandboxes/" + id + "/containers/db/cgroup", null);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(409);
        assertThat(stopped.json().path("error").asText()).isEqualTo("not-running");
    }

    /** A hundred processes, some exiting while being read; prints how long a listing takes (not asserted). */
    @Test
    void listsManyProcessesWhileSomeExit() throws Exception {
        agent.run(id, "for i in $(seq 100); do nohup sleep 1002 >/dev/null 2>&1 & done; "
                + "for i in $(seq 30); do nohup sh -c 'sleep 0.$((RANDOM % 9))' >/dev/null 2>&1 & done");
        try {
            processes(); // warms the container name cache
            long start = System.nanoTime();
            List<JsonNode> list = processes();
            System.out.printf("processes: %d listed in %d ms%n", list.size(), (System.nanoTime() - start) / 1_000_000);
            assertThat(list.stream().filter(p -> p.path("cmdline").asText().equals("sleep 1002"))).hasSize(100);
        } finally {
            agent.run(id, "pkill -f '^sleep 1002$' || true");
        }
    }

    @Test
    void unknownContainerAndSandboxAreNotFound() throws Exception {
        TestAgent.Answer container = agent.call("GET", "/api/v1/sandboxes/" + id + "/containers/nope/cgroup", null);
        assertThat(container.status()).isEqualTo(404);
        assertThat(container.json().path("error").asText()).isEqualTo("not-found");

        TestAgent.Answer option = agent.call("GET", "/api/v1/sandboxes/" + id + "/containers/--help/cgroup", null);
        assertThat(option.status()).isEqualTo(404);

        TestAgent.Answer missing = agent.call("GET", "/api/v1/sandboxes/nope0000/processes", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).contains("nope0000");
    }

    private List<JsonNode> processes() throws Exception {
        TestAgent.Answer response = agent.call("GET", "/api/v1/sandboxes/" + id + "/processes", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }

    private JsonNode awaitProcess(Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<JsonNode> last = List.of();
        while (System.nanoTime() < deadline) {
            last = processes();
            Optional<JsonNode> found = last.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no matching process among " + last);
    }
}
