package io.isolab.bench.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.host.Deadline;
import io.isolab.bench.host.ServerProcess;

/**
 * A sandbox agent of this benchmark: its own name ({@code isobench-<phase>}), state directory and
 * token, so it touches no other engineer's sandboxes. Closing it stops the process and sweeps what it
 * left (ready sandboxes and the warm pool survive an agent stop by design).
 */
public final class Agent implements AutoCloseable {

    public static final String NAME_PREFIX = "isobench-";

    private final ServerProcess process;
    private final AgentClient client;
    private final String name;
    private final Path stateDir;

    private Agent(ServerProcess process, AgentClient client, String name, Path stateDir) {
        this.process = process;
        this.client = client;
        this.name = name;
        this.stateDir = stateDir;
    }

    public static Agent start(BenchConfig cfg, String phase, int poolSize) {
        String name = NAME_PREFIX + phase;
        Path stateDir = cfg.work().resolve("state-" + phase);
        Sweep.run(name, stateDir);   // a previous run that was killed hard
        String token = UUID.randomUUID().toString();
        ServerProcess p = ServerProcess.start(name + "-agent", cfg.work(), List.of(cfg.java(),
                "--sun-misc-unsafe-memory-access=allow", "-jar", cfg.agentJar().toString(),
                "--server.port=" + cfg.agentPort(),
                "--isolab.agent.token=" + token,
                "--isolab.agent.name=" + name,
                "--isolab.agent.image=" + cfg.image(),
                "--isolab.agent.state-dir=" + stateDir,
                "--isolab.agent.pool.size=" + poolSize), cfg.work());
        Agent agent = new Agent(p, new AgentClient(cfg.agentPort(), token), name, stateDir);
        try {
            Deadline.await("the agent on port " + cfg.agentPort() + " to answer /api/v1/health", Duration.ofSeconds(120), () -> {
                p.checkAlive();
                JsonNode h = agent.client.healthOrNull();
                return h != null && "UP".equals(h.path("status").asText());
            });
            if (!agent.client.healthOrNull().path("imagePresent").asBoolean()) {
                throw new IllegalStateException("the agent does not find " + cfg.image() + ": build it with images/lab-node/build.sh");
            }
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    public AgentClient client() {
        return client;
    }

    public String name() {
        return name;
    }

    /** Waits until the warm pool holds {@code size} ready sandboxes (not timed: a fill is background work). */
    public void awaitPool(int size) {
        Deadline.await("the warm pool to hold " + size + " sandboxes", Duration.ofSeconds(240), () -> {
            process.checkAlive();
            return client.capacity().path("pool").path("ready").asInt() >= size;
        });
    }

    @Override
    public void close() {
        process.close();
        Sweep.run(name, stateDir);
    }
}
