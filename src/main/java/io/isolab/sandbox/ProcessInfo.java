package io.isolab.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One process of a sandbox, read by the agent from the host's /proc (docs/agent-api.md).
 * {@code sandboxPid} is the pid as the learner's terminal numbers it (what ps in the sandbox shows).
 */
public record ProcessInfo(int pid, int ppid, String comm, String cmdline, Map<String, Long> ns,
                          List<String> cgroups, Integer seccomp, String capEff, Integer nsPid,
                          Integer sandboxPid, String container, String containerName, boolean sandboxInit) {
}
