package io.isolab.agent.limits;

import org.springframework.stereotype.Component;

import io.isolab.agent.sandbox.AgentProperties;

/** How many sandboxes this host may run: configured, or host memory divided by a sandbox's memory. */
@Component
public class CapacityPolicy {

    private final AgentProperties props;

    public CapacityPolicy(AgentProperties props) {
        this.props = props;
    }

    public long memoryBytesPerSandbox() {
        return props.limits().memoryMib() * 1024 * 1024;
    }

    public int possible() {
        if (props.maxSandboxes() > 0) {
            return props.maxSandboxes();
        }
        long perSandbox = Math.max(1, memoryBytesPerSandbox());
        return (int) Math.max(1, HostMemory.totalBytes() / perSandbox);
    }
}
