package io.isolab.agent.reaper;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;

import io.isolab.agent.sandbox.AgentProperties;
import io.isolab.agent.sandbox.Sandbox;
import io.isolab.agent.sandbox.SandboxLabels;
import io.isolab.agent.sandbox.SandboxRegistry;
import io.isolab.agent.sandbox.SandboxService;

/** Every reaper-interval: removes expired sandboxes, idle ones, and ones whose container died. */
@Component
public class Reaper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final AgentProperties props;
    private final SandboxRegistry registry;
    private final SandboxService sandboxes;
    private final DockerClient docker;
    private volatile ScheduledExecutorService timer;

    public Reaper(AgentProperties props, SandboxRegistry registry, SandboxService sandboxes, DockerClient docker) {
        this.props = props;
        this.registry = registry;
        this.sandboxes = sandboxes;
        this.docker = docker;
    }

    /** One pass; public so tests and operators can trigger it. */
    public void reap() {
        Instant now = Instant.now();
        Set<String> alive = docker.listContainersCmd()
                .withLabelFilter(Map.of(SandboxLabels.AGENT, props.name())).exec()
                .stream().map(Container::getId).collect(Collectors.toSet());
        for (Sandbox s : registry.all()) {
            String reason = reason(s, now, alive);
            if (reason != null && registry.remove(s.id()).isPresent()) {
                log.info("Reaping sandbox {} (session {}): {}", s.id(), s.session(), reason);
                sandboxes.destroy(s);
            }
        }
    }

    private String reason(Sandbox s, Instant now, Set<String> alive) {
        if (!alive.contains(s.containerId()) && !stillRunning(s)) {
            return "its container stopped";
        }
        if (s.pool()) {
            return null;
        }
        if (s.expiresAt() != null && s.expiresAt().isBefore(now)) {
            return "expired at " + s.expiresAt();
        }
        if (s.lastActiveAt() != null && s.lastActiveAt().plus(props.idleTimeout()).isBefore(now)) {
            return "idle since " + s.lastActiveAt();
        }
        return null;
    }

    /** Double-check: the sandbox may have been created after the container list was read. */
    private boolean stillRunning(Sandbox s) {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(s.containerId()).exec().getState().getRunning());
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    @Override
    public void start() {
        long period = Math.max(1000, props.reaperInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("reaper").unstarted(r));
        timer.scheduleWithFixedDelay(() -> {
            try {
                reap();
            } catch (RuntimeException e) {
                log.warn("Reaper pass failed: {}", e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
