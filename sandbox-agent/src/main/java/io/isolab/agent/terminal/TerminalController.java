package io.isolab.agent.terminal;

import io.isolab.agent.sandbox.SandboxLookup;
import io.isolab.agent.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** Which terminals a sandbox has, for a trainer's roster (who is connected, who is being watched). */
@RestController
public class TerminalController {

    public record TerminalInfo(String name, boolean attached, int watchers) {
    }

    private final SandboxLookup sandboxes;
    private final Terminals terminals;

    public TerminalController(SandboxLookup sandboxes, Terminals terminals) {
        this.sandboxes = sandboxes;
        this.terminals = terminals;
    }

    @GetMapping("/api/v1/sandboxes/{id}/terminals")
    public List<TerminalInfo> list(@PathVariable String id) {
        sandboxes.find(id).orElseThrow(() -> ApiException.notFound(id));
        return terminals.of(id).stream()
                .filter(t -> !t.isEnded())
                .sorted(Comparator.comparing(Terminal::name))
                .map(t -> new TerminalInfo(t.name(), t.attached(), t.watcherCount()))
                .toList();
    }
}
