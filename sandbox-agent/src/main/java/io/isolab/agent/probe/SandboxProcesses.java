package io.isolab.agent.probe;

import io.isolab.agent.sandbox.SandboxRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists a sandbox's processes from the host's /proc: those whose cgroup lies at or below the
 * cgroup of the sandbox's init process. Read from outside, so nothing inside can fake it.
 */
@Component
public class SandboxProcesses {

    private final ProcFs proc;
    private final ContainerNames names;

    public SandboxProcesses(@Value("${isolab.agent.proc-root:/proc}") String procRoot, ContainerNames names) {
        this.proc = new ProcFs(Path.of(procRoot));
        this.names = names;
    }

    /** A process of the sandbox with the cgroup path below the sandbox's own ("" for the sandbox itself). */
    record Member(int pid, List<String> cgroupLines, String below) {
        String containerId() {
            return SandboxCgroup.containerId(below);
        }
    }

    /** Every process of the sandbox; empty when its init process is gone. */
    public List<ProcessInfo> list(SandboxRef sandbox) {
        List<Member> members = members(sandbox);
        Set<String> ids = new HashSet<>();
        members.forEach(m -> {
            if (m.containerId() != null) {
                ids.add(m.containerId());
            }
        });
        Map<String, String> containerNames = names.namesOf(sandbox.containerId(), ids);
        Optional<Integer> sandboxDepth = proc.text(sandbox.initPid(), "status").map(s -> ProcStatus.parse(s).depth());
        if (sandboxDepth.isEmpty()) {
            return List.of(); // the sandbox's init exited while we looked
        }
        List<ProcessInfo> result = new ArrayList<>(members.size());
        for (Member member : members) {
            read(member, sandbox.initPid(), sandboxDepth.get(), containerNames).ifPresent(result::add);
        }
        return result;
    }

    List<Member> members(SandboxRef sandbox) {
        Optional<SandboxCgroup> cgroup = proc.cgroupLines(sandbox.initPid()).flatMap(SandboxCgroup::of);
        if (cgroup.isEmpty()) {
            return List.of();
        }
        List<Member> members = new ArrayList<>();
        for (int pid : proc.pids()) {
            proc.cgroupLines(pid).ifPresent(lines -> cgroup.get().below(lines)
                    .ifPresent(below -> members.add(new Member(pid, lines, below))));
        }
        return members;
    }

    /** @param sandboxDepth the level of the sandbox's pid namespace in NSpid lines (what `ps` in the sandbox shows) */
    private Optional<ProcessInfo> read(Member member, int initPid, int sandboxDepth, Map<String, String> containerNames) {
        int pid = member.pid();
        Optional<String> stat = proc.text(pid, "stat");
        Optional<String> status = proc.text(pid, "status");
        if (stat.isEmpty() || status.isEmpty()) {
            return Optional.empty(); // exited while we looked
        }
        String statLine = stat.get();
        int open = statLine.indexOf('(');
        int close = statLine.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String comm = statLine.substring(open + 1, close);
        String[] rest = statLine.substring(close + 2).split(" ");
        int ppid = rest.length > 1 ? Integer.parseInt(rest[1]) : 0;
        String cmdline = proc.bytes(pid, "cmdline").map(SandboxProcesses::cmdline).orElse("");
        ProcStatus fields = ProcStatus.parse(status.get());
        var ns = new ProcessInfo.Namespaces(proc.namespace(pid, "pid"), proc.namespace(pid, "net"),
                proc.namespace(pid, "mnt"), proc.namespace(pid, "uts"), proc.namespace(pid, "ipc"),
                proc.namespace(pid, "user"), proc.namespace(pid, "cgroup"));
        String containerId = member.containerId();
        return Optional.of(new ProcessInfo(pid, ppid, comm, cmdline, ns, member.cgroupLines(),
                fields.seccomp(), fields.capEff(), fields.nsPid(), fields.pidAtDepth(sandboxDepth),
                containerId == null ? null : containerId.substring(0, 12),
                containerId == null ? null : containerNames.get(containerId),
                pid == initPid));
    }

    /** Arguments are NUL-separated (and NUL-terminated); show them space-separated. */
    static String cmdline(byte[] raw) {
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        byte[] copy = new byte[end];
        for (int i = 0; i < end; i++) {
            copy[i] = raw[i] == 0 ? (byte) ' ' : raw[i];
        }
        return new String(copy, java.nio.charset.StandardCharsets.UTF_8);
    }
}
