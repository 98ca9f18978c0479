package io.isolab.agent.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.isolab.agent.limits.CapacityPolicy;
import io.isolab.agent.web.ApiException;

/** Sandbox lifecycle: create (from the warm pool when possible), get, list, extend, delete. */
@Service
public class SandboxService implements SandboxLookup {

    private static final Logger log = LoggerFactory.getLogger(SandboxService.class);

    private final SandboxRegistry registry;
    private final SandboxFactory factory;
    private final SandboxStateStore store;
    private final CapacityPolicy capacity;
    private final AgentProperties props;
    private final ApplicationEventPublisher events;
    /** Creations under way, counted against capacity before their containers exist. */
    private int pendingCreates;

    public SandboxService(SandboxRegistry registry, SandboxFactory factory, SandboxStateStore store,
                          CapacityPolicy capacity, AgentProperties props,
                          ApplicationEventPublisher events) {
        this.registry = registry;
        this.factory = factory;
        this.store = store;
        this.capacity = capacity;
        this.props = props;
        this.events = events;
    }

    public Sandbox create(CreateSandboxRequest request) {
        if (request == null || request.session() == null || request.session().isBlank()) {
            throw ApiException.badRequest("A session is required: {\"session\": \"s-123\"}.");
        }
        SandboxLimits limits = SandboxLimits.merge(request.limits(), props.limits().toSandboxLimits());
        Instant now = Instant.now();
        Instant expiresAt = now.plus(cappedTtl(request.ttlSeconds()));
        Optional<Sandbox> warm = registry.claimPool(limits, request.session(), expiresAt, now);
        if (warm.isPresent()) {
            Sandbox s = warm.get();
            store.write(s.containerName(), new SandboxStateStore.State(s.session(), s.expiresAt(), false));
            log.info("Sandbox {} taken from the warm pool for session {}", s.id(), s.session());
            return s;
        }
        if (!reserveSlot()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "capacity",
                    "This host runs as many sandboxes as it can (" + capacity.possible() + "). Try again later.");
        }
        try {
            Sandbox s = factory.create(request.session(), limits, expiresAt, false);
            registry.put(s);
            return s;
        } finally {
            releaseSlot();
        }
    }

    /** Whether one more sandbox fits (the warm pool asks before it refills). */
    public synchronized boolean reserveSlot() {
        if (registry.all().size() + pendingCreates >= capacity.possible()) {
            return false;
        }
        pendingCreates++;
        return true;
    }

    public synchronized void releaseSlot() {
        pendingCreates--;
    }

    public Sandbox get(String id) {
        return registry.get(id).filter(s -> !s.pool()).orElseThrow(() -> ApiException.notFound(id));
    }

    public List<Sandbox> list() {
        return registry.sessions();
    }

    public Sandbox extend(String id, long seconds) {
        if (seconds <= 0) {
            throw ApiException.badRequest("seconds must be positive.");
        }
        get(id);
        Sandbox s = registry.update(id, current -> {
            Instant limit = current.createdAt().plus(props.maxTtl());
            Instant wanted = (current.expiresAt() == null ? Instant.now() : current.expiresAt()).plusSeconds(seconds);
            return current.withExpiresAt(wanted.isAfter(limit) ? limit : wanted);
        }).orElseThrow(() -> ApiException.notFound(id));
        store.write(s.containerName(), new SandboxStateStore.State(s.session(), s.expiresAt(), s.pool()));
        return s;
    }

    public void delete(String id) {
        Sandbox s = registry.remove(id).orElseThrow(() -> ApiException.notFound(id));
        destroy(s);
    }

    /** Removes container and host directory of a sandbox already taken out of the registry. */
    public void destroy(Sandbox s) {
        events.publishEvent(new SandboxRemoved(s.id()));
        factory.discard(s.containerId(), s.containerName());
        log.info("Sandbox {} ({}) removed", s.id(), s.session() == null ? "<pool>" : s.session());
    }

    @Override
    public Optional<SandboxRef> find(String id) {
        return registry.get(id).filter(s -> !s.pool()).map(Sandbox::ref);
    }

    @Override
    public void touch(String id) {
        registry.update(id, s -> s.touched(Instant.now()));
    }

    private Duration cappedTtl(Long ttlSeconds) {
        Duration ttl = ttlSeconds != null && ttlSeconds > 0 ? Duration.ofSeconds(ttlSeconds) : props.ttl();
        return ttl.compareTo(props.maxTtl()) > 0 ? props.maxTtl() : ttl;
    }
}
