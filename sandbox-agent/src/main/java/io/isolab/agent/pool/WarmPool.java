package io.isolab.agent.pool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.isolab.agent.sandbox.AgentProperties;
import io.isolab.agent.sandbox.Sandbox;
import io.isolab.agent.sandbox.SandboxFactory;
import io.isolab.agent.sandbox.SandboxRegistry;
import io.isolab.agent.sandbox.SandboxService;

/**
 * Keeps {@code pool.size} ready sandboxes with the default limits, so a learner gets one at once.
 * One background thread refills, one sandbox at a time (the host has few cores). Claiming is
 * atomic in {@link SandboxRegistry#claimPool}.
 */
@Component
public class WarmPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

    private final AgentProperties props;
    private final SandboxRegistry registry;
    private final SandboxFactory factory;
    private final SandboxService sandboxes;
    private volatile Thread worker;

    public WarmPool(AgentProperties props, SandboxRegistry registry, SandboxFactory factory, SandboxService sandboxes) {
        this.props = props;
        this.registry = registry;
        this.factory = factory;
        this.sandboxes = sandboxes;
    }

    public int target() {
        return props.pool().size();
    }

    public long ready() {
        return registry.poolReady();
    }

    @Override
    public void start() {
        // runs even for pool.size=0: it trims warm sandboxes adopted from a run with a larger pool
        worker = Thread.ofPlatform().daemon().name("warm-pool").start(this::loop);
    }

    private void loop() {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (ready() > target()) {
                    trimOne();
                    continue;
                }
                if (ready() < target() && factory.imagePresent() && sandboxes.reserveSlot()) {
                    try {
                        Sandbox s = factory.create(null, props.limits().toSandboxLimits(), null, true);
                        registry.put(s);
                        failures = 0;
                        continue;
                    } finally {
                        sandboxes.releaseSlot();
                    }
                }
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures++;
                log.warn("Refilling the warm pool failed ({}); retrying", e.getMessage());
                try {
                    // back off so a broken image does not spin the CPU
                    Thread.sleep(Math.min(60_000, 2000L * failures));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** A restart with a smaller pool.size adopts more warm sandboxes than wanted: remove the extra ones. */
    private void trimOne() {
        registry.all().stream().filter(Sandbox::pool).findFirst()
                .flatMap(s -> registry.claimPool(s.limits(), "<trimmed>", null, java.time.Instant.now()))
                .flatMap(s -> registry.remove(s.id()))
                .ifPresent(sandboxes::destroy);
    }

    @Override
    public void stop() {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
