package io.isolab.agent.sandbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

import jakarta.annotation.PostConstruct;

/**
 * On start, takes back the sandboxes a previous run of this agent left running and removes what a
 * crash left half-made: stopped containers, containers that never became ready (no state file),
 * and directories without a container.
 */
@Component
public class SandboxAdoption {

    private static final Logger log = LoggerFactory.getLogger(SandboxAdoption.class);

    private final DockerClient docker;
    private final AgentProperties props;
    private final SandboxRegistry registry;
    private final SandboxStateStore store;
    private final SandboxFactory factory;

    public SandboxAdoption(DockerClient docker, AgentProperties props, SandboxRegistry registry,
                           SandboxStateStore store, SandboxFactory factory) {
        this.docker = docker;
        this.props = props;
        this.registry = registry;
        this.store = store;
        this.factory = factory;
    }

    @PostConstruct
    void adopt() {
        List<Container> owned = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.AGENT, props.name())).exec();
        Set<String> kept = new HashSet<>();
        for (Container c : owned) {
            String name = c.getNames()[0].substring(1);
            Optional<Sandbox> adopted = "running".equals(c.getState()) ? tryAdopt(c.getId(), name) : Optional.empty();
            if (adopted.isPresent()) {
                registry.put(adopted.get());
                kept.add(name);
                log.info("Re-adopted sandbox {} ({})", adopted.get().id(), name);
            } else {
                log.info("Removing leftover sandbox container {} (state {})", name, c.getState());
                factory.discard(c.getId(), name);
            }
        }
        for (String dir : store.existingDirs()) {
            if (!kept.contains(dir)) {
                log.info("Removing orphaned sandbox directory {}", store.dirOf(dir));
                factory.discard(null, dir);
            }
        }
    }

    private Optional<Sandbox> tryAdopt(String containerId, String name) {
        Optional<SandboxStateStore.State> state = store.read(name);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        InspectContainerResponse info;
        try {
            info = docker.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Map<String, String> labels = info.getConfig().getLabels();
        SandboxLimits limits = SandboxLimits.fromLabel(labels.getOrDefault(SandboxLabels.LIMITS, ""), props.limits().toSandboxLimits());
        Instant createdAt = parse(labels.get(SandboxLabels.CREATED_AT)).orElse(Instant.now());
        SandboxStateStore.State s = state.get();
        return Optional.of(SandboxFactory.fromInspect(info, s.session(), "ready", createdAt, s.expiresAt(), limits, s.pool()));
    }

    private static Optional<Instant> parse(String value) {
        try {
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
