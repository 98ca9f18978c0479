package io.isolab.workshops;

import io.isolab.sandbox.SandboxInfo;
import java.time.Instant;
import java.util.List;

/** An instructor's workshop: labs in order, a join code, a time window, sandbox limits, a pre-warm count. */
public record Workshop(long id, String code, String title, Instant startsAt, Instant endsAt, Limits limits,
                       int prewarm, boolean closed, List<String> labIds) {

    /** Sandbox limits of the workshop's learners; a null field means the agent's default. */
    public record Limits(Integer memoryMiB, Double cpus, Integer pids, Integer diskMiB) {

        public SandboxInfo.Limits toAgent() {
            return new SandboxInfo.Limits(memoryMiB, pids, cpus, diskMiB);
        }

        public boolean isDefault() {
            return memoryMiB == null && cpus == null && pids == null && diskMiB == null;
        }
    }

    public enum Phase { NOT_STARTED, OPEN, ENDED }

    public Phase phase(Instant now) {
        if (closed || !now.isBefore(endsAt)) return Phase.ENDED;
        return now.isBefore(startsAt) ? Phase.NOT_STARTED : Phase.OPEN;
    }

    public String joinPath() {
        return "/join/" + code;
    }
}
