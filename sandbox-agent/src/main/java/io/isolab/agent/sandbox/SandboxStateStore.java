package io.isolab.agent.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Per-sandbox host directories and the small state file that records what labels cannot: Docker
 * labels are immutable, but a pool sandbox gets a session when claimed and expiry moves on extend.
 * The state file is written only once a sandbox is ready, so a sandbox without one was half-created.
 */
@Component
public class SandboxStateStore {

    private final Path root;
    private final String prefix;

    public SandboxStateStore(AgentProperties props) {
        this.root = Path.of(props.stateDir(), "sandboxes");
        this.prefix = "isolab-" + props.name() + "-";
    }

    /** Exact shape, so an agent named "a" never claims the directories of an agent named "a-b". */
    public boolean isOurs(String containerName) {
        return containerName.startsWith(prefix) && containerName.substring(prefix.length()).matches("[0-9a-f]{10}");
    }

    public record State(String session, Instant expiresAt, boolean pool) {
    }

    public String containerNamePrefix() {
        return prefix;
    }

    public Path dirOf(String containerName) {
        return root.resolve(containerName);
    }

    public Path dockerDirOf(String containerName) {
        return dirOf(containerName).resolve("docker");
    }

    public Path diskImageOf(String containerName) {
        return dirOf(containerName).resolve("disk.img");
    }

    public void write(String containerName, State state) {
        Properties p = new Properties();
        p.setProperty("session", state.session() == null ? "" : state.session());
        p.setProperty("expiresAt", state.expiresAt() == null ? "" : state.expiresAt().toString());
        p.setProperty("pool", Boolean.toString(state.pool()));
        Path file = dirOf(containerName).resolve("state.properties");
        Path tmp = dirOf(containerName).resolve("state.properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "isolab sandbox state");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write sandbox state " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write sandbox state " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<State> read(String containerName) {
        Path file = dirOf(containerName).resolve("state.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        String session = p.getProperty("session", "");
        String expires = p.getProperty("expiresAt", "");
        return Optional.of(new State(session.isEmpty() ? null : session,
                expires.isEmpty() ? null : Instant.parse(expires),
                Boolean.parseBoolean(p.getProperty("pool", "false"))));
    }

    /** Directory names of this agent's sandboxes on disk (live or left over by a crash). */
    public List<String> existingDirs() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).filter(this::isOurs).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
