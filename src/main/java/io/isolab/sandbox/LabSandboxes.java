package io.isolab.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which sandbox belongs to which learner and lab. Starting is asynchronous: the page asks, gets
 * "starting" at once and polls the status, so no HTTP request waits for a container. The agent's
 * session name is derived from learner and lab, so after a restart of the web app the learner's
 * running sandbox is found again instead of leaking.
 */
@Component
public class LabSandboxes {
    private static final Logger log = LoggerFactory.getLogger(LabSandboxes.class);
    private final AgentClient agent;
    private final SandboxProperties properties;
    private final Map<String, LabSandbox> sandboxes = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
    private final ObjectProvider<SandboxLimitsSource> limits;

    public LabSandboxes(AgentClient agent, SandboxProperties properties, ObjectProvider<SandboxLimitsSource> limits) {
        this.agent = agent;
        this.properties = properties;
        this.limits = limits;
    }

    /** Starts the learner's sandbox for the lab unless it runs, and (re)runs the preparation. */
    public SandboxStatus ensure(String learnerId, String labId, Preparation preparation) {
        String key = key(learnerId, labId);
        LabSandbox sandbox = sandboxes.compute(key, (k, existing) -> {
            if (existing != null && existing.usable()) return existing;
            return new LabSandbox(session(learnerId, labId), learnerId, labId);
        });
        synchronized (sandbox) {
            if (!sandbox.busy() && (sandbox.id() == null || !sandbox.preparedOnce() || sandbox.ready())) {
                sandbox.begin(sandbox.id() == null ? "requesting a sandbox" : "preparing the step");
                starter.submit(() -> run(sandbox, preparation));
            }
        }
        return sandbox.status(properties.warnBefore());
    }

    public SandboxStatus status(String learnerId, String labId) {
        LabSandbox sandbox = sandboxes.get(key(learnerId, labId));
        if (sandbox == null) return SandboxStatus.none();
        if (sandbox.ready()) refresh(sandbox);
        return sandbox.status(properties.warnBefore());
    }

    /** Removes the learner's sandbox (if any) and starts a fresh one. */
    public SandboxStatus restart(String learnerId, String labId, Preparation preparation) {
        LabSandbox old = sandboxes.remove(key(learnerId, labId));
        String oldId = old != null ? old.id() : findRunning(session(learnerId, labId)).map(SandboxInfo::id).orElse(null);
        if (oldId != null) agent.delete(oldId);
        return ensure(learnerId, labId, preparation);
    }

    public SandboxStatus extend(String learnerId, String labId) {
        LabSandbox sandbox = sandboxes.get(key(learnerId, labId));
        if (sandbox == null || !sandbox.ready()) {
            throw new AgentException("not-running", 409, "There is no running sandbox to extend; start one first.");
        }
        SandboxInfo info = agent.extend(sandbox.id(), (int) properties.extendBy().toSeconds());
        sandbox.refreshed(info);
        return sandbox.status(properties.warnBefore());
    }

    /** The id of the learner's ready sandbox for the lab; only this learner's requests may use it. */
    public Optional<String> readyId(String learnerId, String labId) {
        LabSandbox sandbox = sandboxes.get(key(learnerId, labId));
        if (sandbox == null || sandbox.id() == null || sandbox.expired()) return Optional.empty();
        return Optional.of(sandbox.id());
    }

    /**
     * Hands {@code from}'s sandboxes to {@code to} (an anonymous browser signing in), so terminals and
     * checks keep working on the same container. Where {@code to} already has one for a lab, theirs stays
     * and {@code from}'s is removed.
     */
    public void transfer(String from, String to) {
        if (from.equals(to)) return;
        String prefix = from + "/";
        for (String key : List.copyOf(sandboxes.keySet())) {
            if (!key.startsWith(prefix)) continue;
            LabSandbox moving = sandboxes.remove(key);
            if (moving == null) continue;
            LabSandbox kept = sandboxes.putIfAbsent(key(to, key.substring(prefix.length())), moving);
            if (kept != null && moving.id() != null) {
                try {
                    agent.delete(moving.id());
                } catch (AgentException e) {
                    log.info("Could not remove sandbox {} after sign-in: {}", moving.id(), e.getMessage());
                }
            }
        }
    }

    private void run(LabSandbox sandbox, Preparation preparation) {
        try {
            if (sandbox.id() == null) {
                SandboxInfo info = findRunning(sandbox.session()).orElse(null);
                if (info == null) {
                    sandbox.progress("starting a sandbox (container with its own Docker engine)");
                    SandboxInfo.Limits wanted = limits.stream()
                            .flatMap(l -> l.limitsFor(sandbox.learnerId(), sandbox.labId()).stream())
                            .findFirst().orElse(null);
                    info = agent.create(sandbox.session(), wanted, (int) properties.ttl().toSeconds());
                }
                sandbox.created(info);
            }
            sandbox.finished(preparation.prepare(sandbox.id(), sandbox::progress));
        } catch (AgentException e) {
            log.info("Sandbox {} for session {} failed: {}", sandbox.id(), sandbox.session(), e.getMessage());
            sandbox.failed(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Sandbox {} for session {} failed", sandbox.id(), sandbox.session(), e);
            sandbox.failed("Preparing the sandbox failed: " + e.getMessage());
        }
    }

    private void refresh(LabSandbox sandbox) {
        try {
            Optional<SandboxInfo> info = agent.get(sandbox.id());
            if (info.isPresent()) sandbox.refreshed(info.get());
            else sandbox.gone();
        } catch (AgentException e) {
            // A blip of the agent does not end a sandbox; the terminal shows its own connection state.
            log.debug("Could not refresh sandbox {}: {}", sandbox.id(), e.getMessage());
        }
    }

    private Optional<SandboxInfo> findRunning(String session) {
        try {
            return agent.list().stream()
                    .filter(s -> session.equals(s.session()) && !"failed".equals(s.state()))
                    .filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(Instant.now()))
                    .findFirst();
        } catch (AgentException e) {
            if (e.code().equals("unavailable")) throw e;
            return Optional.empty();
        }
    }

    private static String key(String learnerId, String labId) {
        return learnerId + "/" + labId;
    }

    /** A stable, opaque agent session name: the learner id itself never leaves the web app. */
    static String session(String learnerId, String labId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key(learnerId, labId).getBytes(StandardCharsets.UTF_8));
            return "lab-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
