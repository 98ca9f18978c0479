package io.isolab.agent.terminal;

import io.isolab.agent.pty.PtyLauncher;
import io.isolab.agent.pty.PtySize;
import io.isolab.agent.sandbox.SandboxRef;
import io.isolab.agent.sandbox.SandboxRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every live terminal of this agent, by sandbox and name.
 * The sandbox lifecycle publishes {@link SandboxRemoved} when it removes a sandbox; its terminals end then.
 */
@Component
public class Terminals implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Terminals.class);

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
            var shell = launcher.start(shellCommand(sandbox.containerId(), name, size), Map.of(), size);
            Terminal terminal = new Terminal(sandbox.id(), sandbox.containerId(), name, shell,
                    ended -> live.remove(key, ended));
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

    @EventListener
    public void onSandboxRemoved(SandboxRemoved removed) {
        closeAll(removed.id());
    }

    /** Ends every terminal of the sandbox; their sockets close normally with "sandbox removed". */
    public void closeAll(String sandboxId) {
        for (Terminal terminal : of(sandboxId)) {
            // Removed here, not only by the terminal's end callback, which may still be running on its reader thread.
            live.remove(new Key(terminal.sandboxId(), terminal.name()), terminal);
            terminal.close("sandbox removed");
        }
    }

    /**
     * The sandboxes outlive the agent, but killing the docker CLI leaves its shell running inside:
     * hang the shells up first (in parallel, bounded), then end the terminals.
     */
    @Override
    public void destroy() throws InterruptedException {
        List<Terminal> all = List.copyOf(live.values());
        all.forEach(t -> t.ending("agent stopping"));
        List<Thread> hangups = all.stream()
                .map(t -> Thread.ofVirtual().start(() -> hangUp(t)))
                .toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread hangup : hangups) {
            hangup.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        all.forEach(t -> t.close("agent stopping"));
    }

    private static void hangUp(Terminal terminal) {
        try {
            Process kill = new ProcessBuilder("docker", "exec", terminal.containerId(), "sh", "-c",
                    "kill -HUP \"$(cat " + pidFile(terminal.name()) + ")\"")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            log.debug("could not hang up terminal {}: {}", terminal.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * `docker exec -it` gives the shell a TTY inside the sandbox; the docker CLI copies our PTY's size
     * to it at start and again on every SIGWINCH, which is how a resize reaches the inner shell.
     * But dockerd 20.10 (API 1.41) creates the exec's TTY at 0x0 and the CLI resizes it only after the
     * start, racing the first command: so the shell sets the initial size itself before the login shell runs.
     * It also notes its pid so the agent can hang it up (names are [a-z0-9-], safe in a path).
     */
    static List<String> shellCommand(String containerId, String name, PtySize size) {
        String setup = "stty cols " + size.cols() + " rows " + size.rows() + " 2>/dev/null; "
                + "mkdir -p /run/isolab && echo $$ > " + pidFile(name) + "; exec bash -l";
        return List.of("docker", "exec", "-it", "-e", "TERM=xterm-256color", "-w", "/root", containerId,
                "bash", "-c", setup);
    }

    private static String pidFile(String name) {
        return "/run/isolab/terminal-" + name + ".pid";
    }

    private record Key(String sandboxId, String name) {
    }
}
