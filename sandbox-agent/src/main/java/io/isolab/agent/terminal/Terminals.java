package io.isolab.agent.terminal;

import io.isolab.agent.pty.PtyLauncher;
import io.isolab.agent.pty.PtySize;
import io.isolab.agent.sandbox.SandboxRef;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live terminal of this agent, by sandbox and name.
 * The sandbox lifecycle calls {@link #closeAll(String)} when it removes a sandbox.
 */
@Component
public class Terminals implements DisposableBean {

    private final PtyLauncher launcher;
    private final Map<Key, Terminal> live = new ConcurrentHashMap<>();

    public Terminals(PtyLauncher launcher) {
        this.launcher = launcher;
    }

    /** The terminal {@code name} of the sandbox, started as a login shell at {@code size} if it is not running. */
    public Terminal open(SandboxRef sandbox, String name, PtySize size) throws IOException {
        Key key = new Key(sandbox.id(), name);
        synchronized (this) {
            Terminal existing = live.get(key);
            if (existing != null && !existing.isEnded()) {
                existing.resize(size);
                return existing;
            }
            var shell = launcher.start(shellCommand(sandbox.containerId()), Map.of(), size);
            Terminal terminal = new Terminal(sandbox.id(), name, shell, ended -> live.remove(key, ended));
            live.put(key, terminal);
            terminal.start();
            return terminal;
        }
    }

    public Optional<Terminal> find(String sandboxId, String name) {
        return Optional.ofNullable(live.get(new Key(sandboxId, name)));
    }

    public List<Terminal> of(String sandboxId) {
        return live.values().stream().filter(t -> t.sandboxId().equals(sandboxId)).toList();
    }

    /** Ends every terminal of the sandbox; their sockets close normally with "sandbox removed". */
    public void closeAll(String sandboxId) {
        for (Terminal terminal : of(sandboxId)) {
            // Removed here, not only by the terminal's end callback, which may still be running on its reader thread.
            live.remove(new Key(terminal.sandboxId(), terminal.name()), terminal);
            terminal.close("sandbox removed");
        }
    }

    @Override
    public void destroy() {
        live.values().forEach(t -> t.close("agent stopping"));
    }

    /**
     * `docker exec -it` gives the shell a TTY inside the sandbox; the docker CLI copies our PTY's size
     * to it at start and again on every SIGWINCH, which is how a resize reaches the inner shell.
     */
    static List<String> shellCommand(String containerId) {
        return List.of("docker", "exec", "-it", "-e", "TERM=xterm-256color", "-w", "/root",
                containerId, "bash", "-l");
    }

    private record Key(String sandboxId, String name) {
    }
}
