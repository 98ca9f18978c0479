package io.isolab.agent.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import io.isolab.agent.capabilities.HostCapabilities;
import io.isolab.agent.exec.ExecResult;
import io.isolab.agent.exec.ExecService;
import io.isolab.agent.limits.SandboxDisk;
import io.isolab.agent.web.ApiException;

/** Creates one sandbox container and waits until its inner dockerd is ready; cleans up fully on failure. */
@Component
public class SandboxFactory {

    private static final Logger log = LoggerFactory.getLogger(SandboxFactory.class);

    private final DockerClient docker;
    private final AgentProperties props;
    private final HostCapabilities capabilities;
    private final SandboxDisk disk;
    private final SandboxStateStore store;
    private final ExecService exec;
    private final InFlight inFlight;

    public SandboxFactory(DockerClient docker, AgentProperties props, HostCapabilities capabilities, SandboxDisk disk,
                          SandboxStateStore store, ExecService exec, InFlight inFlight) {
        this.docker = docker;
        this.props = props;
        this.capabilities = capabilities;
        this.disk = disk;
        this.store = store;
        this.exec = exec;
        this.inFlight = inFlight;
    }

    /** Creates a ready sandbox or throws an {@link ApiException}; never leaves a container or directory behind. */
    public Sandbox create(String session, SandboxLimits limits, Instant expiresAt, boolean pool) {
        requireImage();
        String name = store.containerNamePrefix() + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 10);
        if (!inFlight.begin(name)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "The agent is shutting down.");
        }
        String containerId = null;
        boolean ok = false;
        try {
            disk.prepare(store.dockerDirOf(name), store.diskImageOf(name), limits.diskMiB());
            Instant now = Instant.now();
            containerId = createContainer(name, session, limits, expiresAt, pool, now);
            docker.startContainerCmd(containerId).exec();
            waitReady(containerId);
            store.write(name, new SandboxStateStore.State(session, expiresAt, pool));
            Sandbox sandbox = fromInspect(docker.inspectContainerCmd(containerId).exec(), session, "ready", now, expiresAt, limits, pool);
            ok = true;
            log.info("Sandbox {} ({}) ready for session {}", sandbox.id(), name, pool ? "<pool>" : session);
            return sandbox;
        } catch (DockerException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "docker", "Docker refused to run the sandbox: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "sandbox-setup", "Preparing the sandbox failed: " + e.getMessage());
        } finally {
            if (!ok) {
                discard(containerId, name);
            }
            inFlight.end(name);
        }
    }

    public void discard(String containerId, String name) {
        if (containerId != null) {
            try {
                docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // already gone
            } catch (DockerException e) {
                log.warn("Removing container {} failed: {}", name, e.getMessage());
            }
        }
        disk.release(store.dirOf(name));
    }

    public boolean imagePresent() {
        try {
            docker.inspectImageCmd(props.image()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void requireImage() {
        if (!imagePresent()) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "image-missing",
                    "The sandbox image " + props.image() + " is missing on this host. Build it with ./isolab run "
                            + "(or images/lab-node/build.sh).");
        }
    }

    private String createContainer(String name, String session, SandboxLimits limits, Instant expiresAt, boolean pool, Instant now) {
        Map<String, String> labels = new HashMap<>();
        labels.put(SandboxLabels.AGENT, props.name());
        labels.put(SandboxLabels.SESSION, session == null ? "" : session);
        labels.put(SandboxLabels.EXPIRES_AT, expiresAt == null ? "" : expiresAt.toString());
        labels.put(SandboxLabels.POOL, Boolean.toString(pool));
        labels.put(SandboxLabels.CREATED_AT, now.toString());
        labels.put(SandboxLabels.LIMITS, limits.toLabel());
        List<String> env = new ArrayList<>();
        if (props.registryMirror() != null && !props.registryMirror().isBlank()) {
            env.add("ISOLAB_REGISTRY_MIRROR=" + props.registryMirror());
        }
        List<String> caps = new ArrayList<>(capabilities.granted());
        while (true) {
            HostConfig host = HostConfig.newHostConfig()
                    .withCapAdd(caps.stream().filter(SandboxFactory::knownToClient).map(Capability::valueOf).toArray(Capability[]::new))
                    .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                    .withCgroupnsMode("private")
                    .withMemory(limits.memoryMiB() * 1024 * 1024)
                    .withMemorySwap(limits.memoryMiB() * 1024 * 1024)
                    .withPidsLimit(limits.pids())
                    .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
                    .withBinds(new Bind(store.dockerDirOf(name).toString(), new Volume("/var/lib/docker")));
            try {
                CreateContainerResponse r = docker.createContainerCmd(props.image())
                        .withName(name)
                        .withHostName("lab")
                        .withLabels(labels)
                        .withEnv(env)
                        .withHostConfig(host)
                        .exec();
                return r.getId();
            } catch (DockerException e) {
                String refused = refusedCapability(e.getMessage(), caps);
                if (refused == null) {
                    throw e;
                }
                // Engines older than the kernel reject capabilities they do not know; drop and retry.
                log.warn("Docker refused capability {} ({}); creating sandboxes without it", refused, e.getMessage().trim());
                caps.remove(refused);
                capabilities.forget(refused);
            }
        }
    }

    private static boolean knownToClient(String cap) {
        try {
            Capability.valueOf(cap);
            return true;
        } catch (IllegalArgumentException e) {
            log.warn("docker-java cannot express capability {}; sandboxes go without it", cap);
            return false;
        }
    }

    static String refusedCapability(String message, List<String> caps) {
        if (message == null || !message.toLowerCase().contains("capabilit")) {
            return null;
        }
        for (String cap : caps) {
            if (message.contains("CAP_" + cap) || message.matches("(?s).*\\b" + cap + "\\b.*")) {
                return cap;
            }
        }
        return null;
    }

    private void waitReady(String containerId) {
        Duration timeout = props.startTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.closing()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "The agent is shutting down.");
            }
            InspectContainerResponse info = docker.inspectContainerCmd(containerId).exec();
            if (!Boolean.TRUE.equals(info.getState().getRunning())) {
                throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "start-failed",
                        "The sandbox exited during start (exit code " + info.getState().getExitCodeLong() + ").");
            }
            ExecResult r = exec.run(containerId, List.of("test", "-f", "/run/isolab/ready"), Duration.ofSeconds(10), null);
            // A check that itself outlasted the deadline (a loaded engine) does not count: the timeout is strict.
            if (r.exitCode() == 0 && System.nanoTime() < deadline) {
                return;
            }
            sleep(250);
        }
        throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "start-timeout",
                "The sandbox did not become ready within " + timeout.toSeconds() + " s (its inner dockerd never signalled /run/isolab/ready).");
    }

    static Sandbox fromInspect(InspectContainerResponse info, String session, String state, Instant createdAt,
                               Instant expiresAt, SandboxLimits limits, boolean pool) {
        String ip = null;
        if (info.getNetworkSettings() != null && info.getNetworkSettings().getNetworks() != null) {
            ip = info.getNetworkSettings().getNetworks().values().stream()
                    .map(ContainerNetwork::getIpAddress).filter(a -> a != null && !a.isEmpty()).findFirst().orElse(null);
        }
        Long pid = info.getState().getPidLong();
        String name = info.getName().startsWith("/") ? info.getName().substring(1) : info.getName();
        return new Sandbox(info.getId().substring(0, 12), info.getId(), name, session, state, createdAt, expiresAt,
                Instant.now(), ip, pid == null ? 0 : pid.intValue(), limits, pool);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Interrupted while starting the sandbox.");
        }
    }
}
