package io.isolab.agent.probe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of the containers inside a sandbox, by full id. Asking the inner engine costs a
 * {@code docker exec}, so answers are cached briefly; an id not seen yet (a container just
 * started) refreshes the cache at most every {@link #MIN_REFRESH_MS}.
 */
@Component
public class ContainerNames {

    private static final Logger log = LoggerFactory.getLogger(ContainerNames.class);
    static final long TTL_MS = 5_000;
    static final long MIN_REFRESH_MS = 500;

    private final SandboxDocker docker;
    private final Map<String, Snapshot> bySandbox = new ConcurrentHashMap<>();

    public ContainerNames(SandboxDocker docker) {
        this.docker = docker;
    }

    private record Snapshot(long takenAt, Map<String, String> names) {
    }

    /** Names for the given ids (missing where the engine does not know the id). */
    public Map<String, String> namesOf(String sandboxContainerId, Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        long now = System.currentTimeMillis();
        // Sandboxes come and go: drop answers nobody asked for in a while.
        bySandbox.values().removeIf(s -> now - s.takenAt() > 20 * TTL_MS);
        Snapshot snapshot = bySandbox.get(sandboxContainerId);
        boolean stale = snapshot == null || now - snapshot.takenAt() > TTL_MS
                || (!snapshot.names().keySet().containsAll(ids) && now - snapshot.takenAt() > MIN_REFRESH_MS);
        if (stale) {
            snapshot = new Snapshot(now, list(sandboxContainerId));
            bySandbox.put(sandboxContainerId, snapshot);
        }
        return snapshot.names();
    }

    public void forget(String sandboxContainerId) {
        bySandbox.remove(sandboxContainerId);
    }

    private Map<String, String> list(String sandboxContainerId) {
        Map<String, String> names = new HashMap<>();
        try {
            var result = docker.docker(sandboxContainerId, "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}");
            if (!result.ok()) {
                log.debug("docker ps in {} failed: {}", sandboxContainerId, result.stderr().strip());
            }
            result.stdout().lines().map(String::strip).forEach(line -> {
                int space = line.indexOf(' ');
                if (space > 0) {
                    names.put(line.substring(0, space), line.substring(space + 1));
                }
            });
        } catch (IllegalStateException e) {
            log.debug("cannot list containers of {}: {}", sandboxContainerId, e.getMessage());
        }
        return names;
    }
}
