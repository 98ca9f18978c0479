package io.isolab.agent.probe;

import io.isolab.agent.sandbox.SandboxRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Cgroup stats of a container inside a sandbox. The sandbox's engine says which container a name
 * means; the host's /proc says where its processes' cgroups are; the host's cgroup files say the rest.
 */
@Component
public class ContainerCgroups {

    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    /** Docker's own rule for names (ids are hex, so they match too); keeps "-x" from reading as an option. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private final SandboxDocker docker;
    private final SandboxProcesses processes;
    private final CgroupStatsReader reader;

    public ContainerCgroups(SandboxDocker docker, SandboxProcesses processes,
                            @Value("${isolab.agent.cgroup-root:/sys/fs/cgroup}") String cgroupRoot) {
        this.docker = docker;
        this.processes = processes;
        this.reader = new CgroupStatsReader(Path.of(cgroupRoot));
    }

    public CgroupStats stats(SandboxRef sandbox, String container) {
        if (!NAME.matcher(container).matches()) {
            throw ProbeException.notFound("no container named " + container + " in sandbox " + sandbox.id());
        }
        var inspect = docker.docker(sandbox.containerId(), "inspect", "--type", "container", "-f", "{{.Id}}", container);
        String id = inspect.stdout().strip();
        if (!inspect.ok() || !FULL_ID.matcher(id).matches()) {
            throw ProbeException.notFound("no container named " + container + " in sandbox " + sandbox.id());
        }
        return processes.members(sandbox).stream()
                .filter(m -> id.equals(m.containerId()))
                .findFirst()
                .map(m -> reader.read(container, m.cgroupLines()))
                .orElseThrow(() -> new ProbeException(HttpStatus.CONFLICT, "not-running",
                        "container " + container + " is not running"));
    }
}
