package io.isolab.agent.sandbox;

import io.isolab.agent.fixture.TestAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Creation failures answer with a clear JSON error and leave nothing behind. */
class StartFailuresIT {

    @Test
    void missingImageNamesTheCommandThatBuildsIt() {
        TestAgent agent = new TestAgent("noimage", Map.of("isolab.agent.image", "isolab/not-built-here:never"));
        try {
            agent.start();
            JsonNode health = agent.call("GET", "/api/v1/health", null, null).json();
            assertThat(health.get("imagePresent").asBoolean()).isFalse();

            TestAgent.Answer a = agent.call("POST", "/api/v1/sandboxes", Map.of("session", "s-x"));
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.json().get("error").asText()).isEqualTo("image-missing");
            assertThat(a.json().get("message").asText()).contains("./isolab run").contains("isolab/not-built-here:never");
            assertThat(agent.containerNames(true)).isEmpty();
        } finally {
            agent.cleanUp();
        }
    }

    @Test
    void startTimeoutRemovesTheHalfStartedSandbox() {
        TestAgent.requireImage();
        TestAgent agent = new TestAgent("timeout", Map.of("isolab.agent.start-timeout", "1ms"));
        try {
            agent.start();
            TestAgent.Answer a = agent.call("POST", "/api/v1/sandboxes", Map.of("session", "s-slow"));
            assertThat(a.status()).isEqualTo(504);
            assertThat(a.json().get("error").asText()).isEqualTo("start-timeout");
            assertThat(agent.containerNames(true)).isEmpty();
            assertThat(agent.stateDir().resolve("sandboxes")).isEmptyDirectory();
            assertThat(agent.call("GET", "/api/v1/sandboxes", null).json()).isEmpty();
        } finally {
            agent.cleanUp();
        }
    }

    @Test
    void badRequestsGetJsonErrors() {
        TestAgent agent = new TestAgent("badreq", Map.of("isolab.agent.image", "isolab/not-built-here:never"));
        try {
            agent.start();
            TestAgent.Answer noSession = agent.call("POST", "/api/v1/sandboxes", Map.of("limits", Map.of()));
            assertThat(noSession.status()).isEqualTo(400);
            assertThat(noSession.json().get("error").asText()).isEqualTo("bad-request");
            TestAgent.Answer unknown = agent.call("GET", "/api/v1/no-such-thing", null);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("error").asText()).isEqualTo("not-found");
            assertThat(agent.call("POST", "/api/v1/sandboxes/000000000000/exec",
                    Map.of("command", java.util.List.of("true"))).status()).isEqualTo(404);
        } finally {
            agent.cleanUp();
        }
    }
}
