package io.isolab.agent.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.agent.fixture.LabSandbox;
import io.isolab.agent.fixture.TestAgent;
import io.isolab.agent.terminal.TermClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe endpoints against a real sandbox with real namespaces and an inner container. */
@SpringBootTest(classes = TestAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final LabSandbox sandbox = LabSandbox.shared();
    private final String id = sandbox.ref().id();

    @AfterEach
    void cleanUp() {
        sandbox.exec("pkill -f '^sleep 1000$' || true; docker rm -f db >/dev/null 2>&1 || true");
    }

    @Test
    void findsASleepInItsOwnPidNamespace() throws Exception {
        JsonNode sleep;
        try (TermClient term = TermClient.open(port, id, "probe", 80, 24)) {
            term.type("unshare --fork --pid --mount-proc sleep 1000 &\r");
            sleep = awaitProcess(p -> p.path("cmdline").asText().equals("sleep 1000")
                    && p.path("container").isNull());
        }
        JsonNode init = processes().stream().filter(p -> p.path("sandboxInit").asBoolean()).findFirst().orElseThrow();

        assertThat(init.path("pid").asInt()).isEqualTo(sandbox.ref().initPid());
        assertThat(init.path("nsPid").asInt()).isEqualTo(1);
        assertThat(sleep.path("comm").asText()).isEqualTo("sleep");
        assertThat(sleep.path("nsPid").asInt()).isEqualTo(1);
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
        sandbox.ensureBusyboxImage();
        sandbox.exec("docker rm -f db >/dev/null 2>&1; docker run -d --name db -m 100m busybox sleep 1000");

        JsonNode sleep = awaitProcess(p -> "db".equals(p.path("containerName").asText(null)));
        assertThat(sleep.path("cmdline").asText()).isEqualTo("sleep 1000");
        assertThat(sleep.path("seccomp").asInt()).isEqualTo(2);
        assertThat(sleep.path("nsPid").asInt()).isEqualTo(1);
        assertThat(sleep.path("container").asText()).matches("[0-9a-f]{12}");
        assertThat(sandbox.exec("docker inspect -f '{{.Id}}' db")).startsWith(sleep.path("container").asText());

        ResponseEntity<String> cgroup = http.getForEntity("/api/v1/sandboxes/" + id + "/containers/db/cgroup", String.class);
        assertThat(cgroup.getStatusCode().value()).as(cgroup.getBody()).isEqualTo(200);
        JsonNode stats = json.readTree(cgroup.getBody());
        assertThat(stats.path("container").asText()).isEqualTo("db");
        assertThat(stats.path("memoryLimitBytes").asLong()).isEqualTo(104857600L);
        assertThat(stats.path("memoryUsageBytes").asLong()).isPositive();
        assertThat(stats.path("pidsCurrent").asLong()).isEqualTo(1);
        assertThat(stats.path("cpuQuotaMicros").isNull()).isTrue();

        sandbox.exec("docker kill db >/dev/null && docker wait db >/dev/null");
        ResponseEntity<String> stopped = http.getForEntity("/api/v1/sandboxes/" + id + "/containers/db/cgroup", String.class);
        assertThat(stopped.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(stopped.getBody()).path("error").asText()).isEqualTo("not-running");
    }

    /** A hundred processes, some exiting while being read; prints how long a listing takes (not asserted). */
    @Test
    void listsManyProcessesWhileSomeExit() throws Exception {
        sandbox.exec("for i in $(seq 100); do nohup sleep 1002 >/dev/null 2>&1 & done; "
                + "for i in $(seq 30); do nohup sh -c 'sleep 0.$((RANDOM % 9))' >/dev/null 2>&1 & done");
        try {
            processes(); // warms the container name cache
            long start = System.nanoTime();
            List<JsonNode> list = processes();
            System.out.printf("processes: %d listed in %d ms%n", list.size(), (System.nanoTime() - start) / 1_000_000);
            assertThat(list.stream().filter(p -> p.path("cmdline").asText().equals("sleep 1002"))).hasSize(100);
        } finally {
            sandbox.exec("pkill -f '^sleep 1002$' || true");
        }
    }

    @Test
    void unknownContainerAndSandboxAreNotFound() throws Exception {
        ResponseEntity<String> container = http.getForEntity("/api/v1/sandboxes/" + id + "/containers/nope/cgroup", String.class);
        assertThat(container.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(container.getBody()).path("error").asText()).isEqualTo("not-found");

        ResponseEntity<String> option = http.getForEntity("/api/v1/sandboxes/" + id + "/containers/--help/cgroup", String.class);
        assertThat(option.getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> missing = http.getForEntity("/api/v1/sandboxes/nope0000/processes", String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(missing.getBody()).path("message").asText()).contains("nope0000");
    }

    private List<JsonNode> processes() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/v1/sandboxes/" + id + "/processes", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.getBody()).forEach(list::add);
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
