package io.isolab.checks;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.CgroupStats;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.ProcessInfo;
import java.util.List;
import java.util.Optional;

/** One sandbox as seen through the agent. */
public record AgentSandboxAccess(AgentClient agent, String sandboxId) implements SandboxAccess {

    @Override
    public List<ProcessInfo> processes() {
        return agent.processes(sandboxId);
    }

    @Override
    public Optional<CgroupStats> cgroup(String container) {
        return agent.cgroup(sandboxId, container);
    }

    @Override
    public ExecResult shell(String script, int timeoutSeconds) {
        return agent.shell(sandboxId, script, timeoutSeconds);
    }
}
