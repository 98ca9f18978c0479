package io.isolab.agent.sandbox;

import io.isolab.agent.fixture.TestAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/** One real sandbox, shared by the tests of this class (creating one costs seconds); deleted last. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxLifecycleIT {

    private static final long DISK_MIB = 512;
    private static TestAgent agent;
    private static String id;

    @BeforeAll
    static void createSandbox() {
        // one sandbox fits: the capacity test needs no second container
        agent = TestAgent.started("lifecycle", Map.of(
                "isolab.agent.max-sandboxes", "1",
                "isolab.agent.ttl", "1h",
                "isolab.agent.max-ttl", "2h"));
        JsonNode s = agent.createSandbox(Map.of("session", "s-lifecycle", "limits", Map.of("diskMiB", DISK_MIB)));
        id = s.get("id").asText();
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(s.get("state").asText()).isEqualTo("ready");
        assertThat(s.get("session").asText()).isEqualTo("s-lifecycle");
        assertThat(s.get("limits").get("diskMiB").asLong()).isEqualTo(DISK_MIB);
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    @Test
    @Order(1)
    void innerDockerAnswers() {
        JsonNode r = agent.exec(id, 60, "docker info --format '{{.ServerVersion}} {{.Driver}}'");
        assertThat(r.get("exitCode").asInt()).as(r.toString()).isZero();
        // overlay2 proves /var/lib/docker is not on overlayfs (dockerd would fall back to vfs)
        assertThat(r.get("stdout").asText()).contains("overlay2");
    }

    @Test
    @Order(1)
    void containerIsConfiguredAsSpecified() {
        JsonNode r = agent.exec(id, 10, "hostname; echo \"$ISOLAB_REGISTRY_MIRROR\"; grep CapEff /proc/1/status | cut -f2;"
                + " readlink /proc/1/ns/cgroup; cat /sys/fs/cgroup/pids.max /sys/fs/cgroup/pids/pids.max 2>/dev/null | head -1");
        String[] lines = r.get("stdout").asText().split("\n");
        assertThat(lines[0]).isEqualTo("lab");
        assertThat(lines[1]).startsWith("http://").endsWith(":5000");
        java.math.BigInteger capEff = new java.math.BigInteger(lines[2], 16);
        assertThat(capEff.testBit(21)).as("CAP_SYS_ADMIN in %s", lines[2]).isTrue();
        assertThat(capEff.testBit(24)).as("CAP_SYS_RESOURCE is not in this host's bounding set").isEqualTo(hostHas(24));
        assertThat(lines[3]).as("private cgroup namespace").isNotEqualTo(TestAgent.sh("readlink /proc/self/ns/cgroup"));
        assertThat(lines[4]).isEqualTo("1024");
    }

    private static boolean hostHas(int bit) {
        String hex = TestAgent.sh("grep CapBnd /proc/self/status | cut -f2");
        return new java.math.BigInteger(hex, 16).testBit(bit);
    }

    @Test
    @Order(2)
    void innerContainerRunsUnderSeccomp() {
        agent.busyboxImage(id); // through the registry mirror
        String status = agent.run(id, "docker run --rm busybox grep Seccomp /proc/self/status");
        assertThat(status).containsPattern("Seccomp:\\s+2");
    }

    @Test
    @Order(2)
    void aSecondSandboxBeyondMaxSandboxesIsRefusedWithCapacity() {
        TestAgent.Answer full = agent.call("POST", "/api/v1/sandboxes", Map.of("session", "s-too-many"));
        assertThat(full.status()).as(full.body()).isEqualTo(503);
        assertThat(full.json().get("error").asText()).isEqualTo("capacity");
        assertThat(full.json().get("message").asText()).contains("(1)").contains("Try again later");
        assertThat(agent.containerNames(true)).hasSize(1);
        assertThat(agent.call("GET", "/api/v1/capacity", null).json().get("possible").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void diskLimitIsEnforced() {
        assertThat(agent.call("GET", "/api/v1/capacity", null).json().get("diskLimit").asText()).isEqualTo("loop-ext4");
        JsonNode r = agent.exec(id, 120, "dd if=/dev/zero of=/var/lib/docker/fill bs=1M count=" + (DISK_MIB + 100)
                + "; echo rc=$?; rm -f /var/lib/docker/fill");
        assertThat(r.get("stdout").asText()).as(r.toString()).contains("rc=1");
        assertThat(r.get("stderr").asText()).contains("No space left on device");
    }

    @Test
    @Order(4)
    void execSeparatesStreamsPassesStdinAndTimesOut() {
        JsonNode r = agent.exec(id, 10, "echo out; echo err >&2; exit 3");
        assertThat(r.get("exitCode").asInt()).isEqualTo(3);
        assertThat(r.get("stdout").asText()).isEqualTo("out\n");
        assertThat(r.get("stderr").asText()).isEqualTo("err\n");
        assertThat(r.get("timedOut").asBoolean()).isFalse();

        JsonNode in = agent.call("POST", "/api/v1/sandboxes/" + id + "/exec",
                Map.of("command", List.of("cat"), "stdin", "hello\nworld")).json();
        assertThat(in.get("stdout").asText()).isEqualTo("hello\nworld");

        JsonNode slow = agent.exec(id, 2, "sleep 300; echo never");
        assertThat(slow.get("timedOut").asBoolean()).isTrue();
        assertThat(slow.get("stdout").asText()).doesNotContain("never");
        // the killed tree is really gone
        assertThat(agent.exec(id, 10, "ps -eo args | grep -x 'sleep 300' || echo none").get("stdout").asText()).contains("none");
    }

    @Test
    @Order(5)
    void proxyReachesAListenerAndExplainsWhenNothingListens() {
        agent.exec(id, 10, "mkdir -p /tmp/www && echo hello-preview > /tmp/www/index.html && busybox httpd -p 8080 -h /tmp/www");
        TestAgent.Answer ok = agent.call("GET", "/api/v1/sandboxes/" + id + "/proxy/8080/index.html?x=1", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello-preview\n");

        // a CGI echoes what arrived: method, query, headers and body pass; the agent token does not
        agent.exec(id, 10, """
                mkdir -p /tmp/www/cgi-bin && cat > /tmp/www/cgi-bin/echo <<'CGI'
                #!/bin/sh
                printf 'Content-Type: text/plain\\r\\n\\r\\n'
                echo "method=$REQUEST_METHOD query=$QUERY_STRING lab=$HTTP_X_LAB auth=$HTTP_AUTHORIZATION"
                head -c "$CONTENT_LENGTH"
                CGI
                chmod +x /tmp/www/cgi-bin/echo""");
        TestAgent.Answer echo = agent.call("POST", "/api/v1/sandboxes/" + id + "/proxy/8080/cgi-bin/echo?a=1&token=" + TestAgent.TOKEN,
                java.util.Map.of("k", "v"), TestAgent.TOKEN, java.util.Map.of("X-Lab", "yes"));
        assertThat(echo.status()).as(echo.body()).isEqualTo(200);
        assertThat(echo.body()).contains("method=POST query=a=1 lab=yes auth=\n").endsWith("{\"k\":\"v\"}");

        TestAgent.Answer none = agent.call("GET", "/api/v1/sandboxes/" + id + "/proxy/8089/", null);
        assertThat(none.status()).isEqualTo(502);
        assertThat(none.json().get("error").asText()).isEqualTo("nothing-listening");
        assertThat(none.json().get("message").asText()).contains("8089");
    }

    @Test
    @Order(6)
    void tokenIsRequiredExceptForHealth() {
        assertThat(agent.call("GET", "/api/v1/sandboxes", null, null).status()).isEqualTo(401);
        TestAgent.Answer wrong = agent.call("GET", "/api/v1/sandboxes/" + id, null, "wrong");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(agent.call("POST", "/api/v1/sandboxes/" + id + "/exec",
                Map.of("command", List.of("true")), null).status()).isEqualTo(401);

        TestAgent.Answer health = agent.call("GET", "/api/v1/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("imagePresent").asBoolean()).isTrue();
        assertThat(agent.call("GET", "/api/v1/sandboxes", null).json().findValuesAsText("id")).containsExactly(id);
    }

    @Test
    @Order(7)
    void extendIsCappedByMaxTtl() {
        JsonNode s = agent.call("GET", "/api/v1/sandboxes/" + id, null).json();
        Instant before = Instant.parse(s.get("expiresAt").asText());
        JsonNode longer = agent.call("POST", "/api/v1/sandboxes/" + id + "/extend", Map.of("seconds", 600)).json();
        assertThat(Instant.parse(longer.get("expiresAt").asText())).isEqualTo(before.plusSeconds(600));

        JsonNode capped = agent.call("POST", "/api/v1/sandboxes/" + id + "/extend", Map.of("seconds", 36000)).json();
        Instant created = Instant.parse(capped.get("createdAt").asText());
        assertThat(Instant.parse(capped.get("expiresAt").asText())).isEqualTo(created.plus(Duration.ofHours(2)));
    }

    @Test
    @Order(8)
    void deleteRemovesContainerMountAndDirectory() {
        String container = agent.containerNames(true).getFirst();
        Path dir = agent.stateDir().resolve("sandboxes").resolve(container);
        assertThat(dir).exists();

        assertThat(agent.call("DELETE", "/api/v1/sandboxes/" + id, null).status()).isEqualTo(204);

        assertThat(agent.containerNames(true)).isEmpty();
        assertThat(dir).doesNotExist();
        assertThat(TestAgent.sh("grep -c '" + dir + "' /proc/self/mountinfo || true")).isEqualTo("0");
        TestAgent.Answer gone = agent.call("GET", "/api/v1/sandboxes/" + id, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).isEqualTo("not-found");
    }
}
