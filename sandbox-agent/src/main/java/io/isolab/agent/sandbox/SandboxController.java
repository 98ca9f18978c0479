package io.isolab.agent.sandbox;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.isolab.agent.web.ApiException;

@RestController
@RequestMapping("/api/v1/sandboxes")
public class SandboxController {

    private final SandboxService sandboxes;

    public SandboxController(SandboxService sandboxes) {
        this.sandboxes = sandboxes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SandboxView create(@RequestBody CreateSandboxRequest request) {
        return SandboxView.of(sandboxes.create(request));
    }

    @GetMapping
    public List<SandboxView> list() {
        return sandboxes.list().stream().map(SandboxView::of).toList();
    }

    @GetMapping("/{id}")
    public SandboxView get(@PathVariable String id) {
        return SandboxView.of(sandboxes.get(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        sandboxes.delete(id);
    }

    public record ExtendRequest(Long seconds) {
    }

    @PostMapping("/{id}/extend")
    public SandboxView extend(@PathVariable String id, @RequestBody ExtendRequest request) {
        if (request == null || request.seconds() == null) {
            throw ApiException.badRequest("Say how long to extend: {\"seconds\": 900}.");
        }
        return SandboxView.of(sandboxes.extend(id, request.seconds()));
    }
}
