package io.isolab.agent.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.isolab.agent.limits.CapacityPolicy;
import io.isolab.agent.limits.SandboxDisk;
import io.isolab.agent.pool.WarmPool;
import io.isolab.agent.sandbox.SandboxRegistry;

@RestController
public class CapacityController {

    public record PoolStatus(long ready, int target) {
    }

    public record Capacity(int running, int possible, PoolStatus pool, long memoryBytesPerSandbox, String diskLimit) {
    }

    private final SandboxRegistry registry;
    private final CapacityPolicy policy;
    private final WarmPool pool;
    private final SandboxDisk disk;

    public CapacityController(SandboxRegistry registry, CapacityPolicy policy, WarmPool pool, SandboxDisk disk) {
        this.registry = registry;
        this.policy = policy;
        this.pool = pool;
        this.disk = disk;
    }

    /** running counts every sandbox container, warm ones included: they use memory too. */
    @GetMapping("/api/v1/capacity")
    public Capacity capacity() {
        return new Capacity(registry.all().size(), policy.possible(), new PoolStatus(pool.ready(), pool.target()),
                policy.memoryBytesPerSandbox(), disk.mode());
    }
}
