package io.isolab.checks;

import io.isolab.sandbox.CgroupStats;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.ProcessInfo;
import java.util.List;
import java.util.Optional;

/** The three agent calls checks are made of (docs/agent-api.md); {@link AgentSandboxAccess} is the real one. */
public interface SandboxAccess {

    List<ProcessInfo> processes();

    Optional<CgroupStats> cgroup(String container);

    ExecResult shell(String script, int timeoutSeconds);
}
