package io.isolab.agent.exec;

import java.time.Duration;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.isolab.agent.sandbox.SandboxRef;
import io.isolab.agent.sandbox.SandboxLookup;
import io.isolab.agent.web.ApiException;

@RestController
public class ExecController {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 600;

    private final ExecService exec;
    private final SandboxLookup sandboxes;

    public ExecController(ExecService exec, SandboxLookup sandboxes) {
        this.exec = exec;
        this.sandboxes = sandboxes;
    }

    @PostMapping("/api/v1/sandboxes/{id}/exec")
    public ExecResult exec(@PathVariable String id, @RequestBody ExecRequest request) {
        SandboxRef ref = sandboxes.find(id).orElseThrow(() -> ApiException.notFound(id));
        if (request == null || request.command() == null || request.command().isEmpty()) {
            throw ApiException.badRequest("Give the command as a list: {\"command\": [\"sh\", \"-c\", \"...\"]}.");
        }
        if (request.stdin() != null && request.stdin().length() > ExecService.MAX_STDIN_CHARS) {
            throw ApiException.badRequest("stdin is limited to " + ExecService.MAX_STDIN_CHARS + " characters.");
        }
        int timeout = request.timeoutSeconds() == null || request.timeoutSeconds() <= 0
                ? DEFAULT_TIMEOUT_SECONDS : Math.min(request.timeoutSeconds(), MAX_TIMEOUT_SECONDS);
        sandboxes.touch(id);
        return exec.run(ref.containerId(), request.command(), Duration.ofSeconds(timeout), request.stdin());
    }
}
