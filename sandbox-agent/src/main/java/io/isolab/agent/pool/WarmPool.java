package io.isolab.agent.pool;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.isolab.agent.limits.CapacityPolicy;
import io.isolab.agent.sandbox.AgentProperties;
import io.isolab.agent.sandbox.Sandbox;
import io.isolab.agent.sandbox.SandboxFactory;
import io.isolab.agent.sandbox.SandboxRegistry;
import io.isolab.agent.sandbox.SandboxService;

/**
 * Keeps {@link #target()} ready sandboxes with the default limits, so a learner gets one at once.
 * The target starts at {@code pool.size} and can be changed at runtime (a workshop pre-warms).
 * One background thread decides; it starts up to {@link #PARALLEL} sandboxes at a time, each on its own
 * thread (more would only make every start slower on a 2-core host). Claiming is atomic in
 * {@link SandboxRegistry#claimPool}.
 */
@Component
public class WarmPool implements SmartLifecycle {

    static final int PARALLEL = 2;
    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

    private final AgentProperties props;
    private final SandboxRegistry registry;
    private final SandboxFactory factory;
    private final SandboxService sandboxes;
    private final CapacityPolicy capacity;
    private final AtomicInteger target;
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Set<Thread> creations = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();
    private volatile long notBeforeNanos = System.nanoTime();
    private volatile Thread worker;

    public WarmPool(AgentProperties props, SandboxRegistry registry, SandboxFactory factory,
                    SandboxService sandboxes, CapacityPolicy capacity) {
        this.props = props;
        this.registry = registry;
        this.factory = factory;
        this.sandboxes = sandboxes;
        this.capacity = capacity;
        this.target = new AtomicInteger(Math.max(0, props.pool().size()));
    }

    public int target() {
        return target.get();
    }

    public long ready() {
        return registry.poolReady();
    }

    /** Warm sandboxes being created right now. */
    public int starting() {
        return starting.get();
    }

    /** Sets the target, capped by the host's capacity; returns the target in effect. */
    public int retarget(int wanted) {
        int effective = Math.max(0, Math.min(wanted, capacity.possible()));
        target.set(effective);
        failures.set(0);
        notBeforeNanos = System.nanoTime();
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        return effective;
    }

    @Override
    public void start() {
        // runs even for a target of 0: it trims warm sandboxes adopted from a run with a larger pool
        worker = Thread.ofPlatform().daemon().name("warm-pool").start(this::loop);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (ready() > target()) {
                    trimOne();
                    continue;
                }
                if (shouldStartOne() && sandboxes.reserveSlot()) {
                    starting.incrementAndGet();
                    Thread creation = Thread.ofVirtual().name("warm-pool-create").unstarted(this::createOne);
                    creations.add(creation);
                    creation.start();
                    continue;
                }
                synchronized (wakeUp) {
                    wakeUp.wait(2000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Warm pool: {}", e.getMessage());
            }
        }
    }

    private boolean shouldStartOne() {
        int inFlight = starting.get();
        return inFlight < PARALLEL && ready() + inFlight < target()
                && System.nanoTime() - notBeforeNanos >= 0 && factory.imagePresent();
    }

    private void createOne() {
        try {
            Sandbox s = factory.create(null, props.limits().toSandboxLimits(), null, true);
            registry.put(s);
            failures.set(0);
        } catch (RuntimeException e) {
            int n = failures.incrementAndGet();
            log.warn("Refilling the warm pool failed ({}); retrying", e.getMessage());
            // back off so a broken image does not spin the CPU
            notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(60_000, 2000L * n));
        } finally {
            sandboxes.releaseSlot();
            starting.decrementAndGet();
            creations.remove(Thread.currentThread());
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
        }
    }

    /** A lower target (or a restart with a smaller pool.size) leaves extra warm sandboxes: remove one. */
    private void trimOne() {
        registry.all().stream().filter(Sandbox::pool).findFirst()
                .flatMap(s -> registry.claimPool(s.limits(), "<trimmed>", null, Instant.now()))
                .flatMap(s -> registry.remove(s.id()))
                .ifPresent(sandboxes::destroy);
    }

    @Override
    public void stop() {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
        creations.forEach(Thread::interrupt);
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
