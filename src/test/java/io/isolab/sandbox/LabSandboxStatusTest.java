package io.isolab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The states the status line shows, from the sandbox's own bookkeeping. */
class LabSandboxStatusTest {
    private static final Duration WARN = Duration.ofMinutes(5);

    @Test
    void startingReportsWhatHappensAndElapsedSeconds() {
        LabSandbox sandbox = new LabSandbox("lab-x", "learner", "x");
        sandbox.begin("requesting a sandbox");
        sandbox.progress("running the lab setup");
        SandboxStatus status = sandbox.status(WARN);
        assertThat(status.state()).isEqualTo("starting");
        assertThat(status.message()).isEqualTo("running the lab setup");
        assertThat(status.elapsedSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void readyExpiringAndExpiredFollowTheClock() {
        assertThat(readyUntil(Instant.now().plus(Duration.ofHours(1))).state()).isEqualTo("ready");
        SandboxStatus soon = readyUntil(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(soon.state()).isEqualTo("expiring");
        assertThat(soon.secondsLeft()).isBetween(1L, 120L);
        SandboxStatus gone = readyUntil(Instant.now().minusSeconds(1));
        assertThat(gone.state()).isEqualTo("expired");
    }

    @Test
    void failedKeepsTheReasonAndCanBeReplaced() {
        LabSandbox sandbox = new LabSandbox("lab-x", "learner", "x");
        sandbox.begin("requesting a sandbox");
        sandbox.failed("The sandbox service is unavailable right now (ConnectException).");
        assertThat(sandbox.status(WARN).state()).isEqualTo("failed");
        assertThat(sandbox.status(WARN).message()).contains("unavailable");
        assertThat(sandbox.usable()).isFalse();
    }

    @Test
    void sessionNamesAreStableOpaqueAndDistinct() {
        assertThat(LabSandboxes.session("alice", "demo")).isEqualTo(LabSandboxes.session("alice", "demo"))
                .isNotEqualTo(LabSandboxes.session("bob", "demo")).doesNotContain("alice").startsWith("lab-");
    }

    private static SandboxStatus readyUntil(Instant expiresAt) {
        LabSandbox sandbox = new LabSandbox("lab-x", "learner", "x");
        sandbox.begin("requesting a sandbox");
        sandbox.created(new SandboxInfo("abc", "lab-x", "ready", Instant.now(), expiresAt, Instant.now(), "172.17.0.3", null));
        sandbox.finished();
        return sandbox.status(WARN);
    }
}
