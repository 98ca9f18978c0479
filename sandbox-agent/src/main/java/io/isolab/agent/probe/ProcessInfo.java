package io.isolab.agent.probe;

import java.util.List;

/**
 * One process of a sandbox as the host's /proc shows it (the agent API's Process).
 *
 * @param nsPid      the pid in the process's innermost pid namespace
 * @param sandboxPid the pid in the sandbox's pid namespace, what `ps` in the learner's terminal shows
 */
public record ProcessInfo(int pid, int ppid, String comm, String cmdline, Namespaces ns, List<String> cgroups,
                          Integer seccomp, String capEff, Integer nsPid, Integer sandboxPid, String container,
                          String containerName, boolean sandboxInit) {

    /** Namespace inode numbers from readlink /proc/&lt;pid&gt;/ns/*; null where unreadable. */
    public record Namespaces(Long pid, Long net, Long mnt, Long uts, Long ipc, Long user, Long cgroup) {
    }
}
