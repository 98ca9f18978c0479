package io.isolab.workshops;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises the agent's warm pool to a workshop's pre-warm count from {@code prewarm-lead} before its
 * start until the start, then puts it back to {@code pool-default}. Several workshops warming at once
 * add up. The target is only written when it changes, so an operator's manual PUT between workshops
 * is left alone.
 */
@Component
public class Prewarm {
    private static final Logger log = LoggerFactory.getLogger(Prewarm.class);
    private final WorkshopRepository workshops;
    private final AgentClient agent;
    private final WorkshopProperties properties;
    private volatile Set<Long> warming = Set.of();
    private Integer lastTarget;

    public Prewarm(WorkshopRepository workshops, AgentClient agent, WorkshopProperties properties) {
        this.workshops = workshops;
        this.agent = agent;
        this.properties = properties;
    }

    /** Ids of the workshops whose pre-warm is in effect now. */
    public Set<Long> warming() {
        return warming;
    }

    @Scheduled(initialDelayString = "${isolab.workshops.pool-check:30s}", fixedDelayString = "${isolab.workshops.pool-check:30s}")
    public void tick() {
        update(Instant.now());
    }

    synchronized void update(Instant now) {
        List<Workshop> due = workshops.current(now).stream()
                .filter(w -> w.prewarm() > 0)
                .filter(w -> !now.isBefore(w.startsAt().minus(properties.prewarmLead())) && now.isBefore(w.startsAt()))
                .toList();
        Set<Long> ids = new TreeSet<>();
        due.forEach(w -> ids.add(w.id()));
        int target = due.isEmpty() ? properties.poolDefault() : due.stream().mapToInt(Workshop::prewarm).sum();
        if (lastTarget == null && due.isEmpty()) {
            warming = Set.copyOf(ids);
            return;   // nothing was raised by us yet: leave the agent's own target alone
        }
        if (lastTarget == null || lastTarget != target) {
            try {
                int inEffect = agent.pool(target).target();
                log.info("Warm pool target set to {} (asked {}) for workshops {}", inEffect, target, ids);
                lastTarget = due.isEmpty() ? null : target;
            } catch (AgentException e) {
                log.warn("Could not set the warm pool target to {}: {}", target, e.getMessage());
                return;   // try again on the next tick
            }
        }
        warming = Set.copyOf(ids);
    }
}
