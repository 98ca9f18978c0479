package io.isolab.agent.probe;

import io.isolab.agent.sandbox.SandboxLookup;
import io.isolab.agent.sandbox.SandboxRef;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Live state of a sandbox read from the host: its processes and its inner containers' cgroups. */
@RestController
@RequestMapping("/api/v1/sandboxes/{id}")
public class ProbeController {

    private final SandboxLookup sandboxes;
    private final SandboxProcesses processes;
    private final ContainerCgroups cgroups;

    public ProbeController(SandboxLookup sandboxes, SandboxProcesses processes, ContainerCgroups cgroups) {
        this.sandboxes = sandboxes;
        this.processes = processes;
        this.cgroups = cgroups;
    }

    @GetMapping("/processes")
    public List<ProcessInfo> processes(@PathVariable String id) {
        return processes.list(sandbox(id));
    }

    @GetMapping("/containers/{name}/cgroup")
    public CgroupStats cgroup(@PathVariable String id, @PathVariable String name) {
        return cgroups.stats(sandbox(id), name);
    }

    private SandboxRef sandbox(String id) {
        return sandboxes.find(id).orElseThrow(() -> ProbeException.notFound("no sandbox " + id));
    }

    @ExceptionHandler(ProbeException.class)
    ResponseEntity<Map<String, String>> failed(ProbeException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.code(), "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException e) {
        return ResponseEntity.status(503).body(Map.of("error", "probe-failed", "message", e.getMessage()));
    }
}
