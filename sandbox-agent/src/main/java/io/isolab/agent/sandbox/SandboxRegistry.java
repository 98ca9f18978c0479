package io.isolab.agent.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** In-memory view of the sandboxes this agent owns; Docker labels plus state files rebuild it after a restart. */
@Component
public class SandboxRegistry {

    private final Map<String, Sandbox> byId = new ConcurrentHashMap<>();

    public void put(Sandbox sandbox) {
        byId.put(sandbox.id(), sandbox);
    }

    public Optional<Sandbox> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Sandbox> remove(String id) {
        return Optional.ofNullable(byId.remove(id));
    }

    public Collection<Sandbox> all() {
        return List.copyOf(byId.values());
    }

    public List<Sandbox> sessions() {
        List<Sandbox> list = new ArrayList<>(byId.values().stream().filter(s -> !s.pool()).toList());
        list.sort(Comparator.comparing(Sandbox::createdAt));
        return list;
    }

    public long poolReady() {
        return byId.values().stream().filter(Sandbox::pool).count();
    }

    /**
     * Takes one warm sandbox with exactly these limits for a session. Synchronized so two callers
     * can never be handed the same sandbox.
     */
    public synchronized Optional<Sandbox> claimPool(SandboxLimits limits, String session, Instant expiresAt, Instant now) {
        for (Sandbox s : byId.values()) {
            if (s.pool() && s.limits().equals(limits)) {
                Sandbox claimed = s.claimed(session, expiresAt, now);
                byId.put(s.id(), claimed);
                return Optional.of(claimed);
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<Sandbox> update(String id, java.util.function.UnaryOperator<Sandbox> change) {
        Sandbox current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Sandbox next = change.apply(current);
        byId.put(id, next);
        return Optional.of(next);
    }
}
