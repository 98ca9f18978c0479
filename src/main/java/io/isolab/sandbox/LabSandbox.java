package io.isolab.sandbox;

import java.time.Duration;
import java.time.Instant;

/** Mutable state of one learner's sandbox for one lab; guarded by its own monitor. */
final class LabSandbox {
    private final String session;
    private final String learnerId;
    private final String labId;
    private String id;
    private String state = "starting";
    private String message = "requesting a sandbox";
    private Instant startedAt = Instant.now();
    private Instant expiresAt;
    private boolean busy;
    private boolean preparedOnce;

    LabSandbox(String session, String learnerId, String labId) {
        this.session = session;
        this.learnerId = learnerId;
        this.labId = labId;
    }

    String learnerId() {
        return learnerId;
    }

    String labId() {
        return labId;
    }

    String session() {
        return session;
    }

    synchronized String id() {
        return id;
    }

    synchronized boolean busy() {
        return busy;
    }

    synchronized boolean preparedOnce() {
        return preparedOnce;
    }

    synchronized boolean ready() {
        return "ready".equals(state) && !expired();
    }

    synchronized boolean expired() {
        return expiresAt != null && expiresAt.isBefore(Instant.now()) || "expired".equals(state);
    }

    /** Still worth keeping: running, or starting. Failed and expired ones are replaced on the next start. */
    synchronized boolean usable() {
        return !"failed".equals(state) && !expired();
    }

    synchronized void begin(String what) {
        busy = true;
        state = "starting";
        message = what;
        startedAt = Instant.now();
    }

    synchronized void progress(String what) {
        message = what;
    }

    synchronized void created(SandboxInfo info) {
        id = info.id();
        expiresAt = info.expiresAt();
    }

    synchronized void refreshed(SandboxInfo info) {
        expiresAt = info.expiresAt();
    }

    synchronized void finished() {
        finished(null);
    }

    /** @param note what the learner should know about the ready sandbox (e.g. a replay), or null */
    synchronized void finished(String note) {
        busy = false;
        preparedOnce = true;
        state = "ready";
        message = note == null ? "ready" : note;
    }

    synchronized void failed(String why) {
        busy = false;
        state = "failed";
        message = why;
    }

    synchronized void gone() {
        state = "expired";
        message = "This sandbox has expired and was removed.";
    }

    synchronized SandboxStatus status(Duration warnBefore) {
        Instant now = Instant.now();
        if (expired()) {
            return new SandboxStatus("expired", expiresAt, "This sandbox has expired and was removed.", null, 0L);
        }
        return switch (state) {
            case "starting" -> new SandboxStatus("starting", null, message,
                    Duration.between(startedAt, now).toSeconds(), null);
            case "ready" -> {
                Long left = expiresAt == null ? null : Math.max(0, Duration.between(now, expiresAt).toSeconds());
                boolean soon = left != null && left <= warnBefore.toSeconds();
                yield new SandboxStatus(soon ? "expiring" : "ready", expiresAt,
                        soon ? "This sandbox expires soon." : message, null, left);
            }
            default -> new SandboxStatus(state, null, message, null, null);
        };
    }
}
