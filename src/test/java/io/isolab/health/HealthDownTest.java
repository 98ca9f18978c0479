package io.isolab.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** /health with nothing listening where the agent should be: 503 with a reason, no stack trace. */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class HealthDownTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "health-down");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");
        registry.add("isolab.agent.token", () -> "unused");
    }

    @Test
    void agentDownIs503WithAReason() throws Exception {
        HttpResponse<String> response = new LearnerClient(port).get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("unavailable");
        assertThat(health.path("web").asText()).isEqualTo("ok");
        assertThat(health.path("database").asText()).isEqualTo("ok");
        assertThat(health.path("agent").path("reachable").asBoolean()).isFalse();
        assertThat(health.path("reason").asText()).startsWith("sandbox unavailable");
        assertThat(response.body()).as("no stack trace").doesNotContain("\tat ", ".java:", "\n");
    }
}
