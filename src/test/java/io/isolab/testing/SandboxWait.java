package io.isolab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.fail;

/** Starts a learner's sandbox through the web app and waits (generously) until it is ready. */
public final class SandboxWait {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxWait() {
    }

    public static JsonNode ready(LearnerClient learner, String lab, int step) throws Exception {
        JsonNode status = JSON.readTree(learner.post("/labs/" + lab + "/sandbox?step=" + step, "").body());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (!status.path("state").asText().matches("ready|expiring")) {
            if (status.path("state").asText().equals("failed") || Instant.now().isAfter(deadline)) {
                fail("Sandbox for " + lab + " did not become ready: " + status);
            }
            Thread.sleep(250);
            status = JSON.readTree(learner.get("/labs/" + lab + "/sandbox").body());
        }
        return status;
    }
}
