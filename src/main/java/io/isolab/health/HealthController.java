package io.isolab.health;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.Capacity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health} for self-hosters and load balancers (no sign-in): the web app, the database and
 * the agent's capacity. 200 when labs can run, 503 with a reason when they cannot. Never a stack trace.
 */
@RestController
public class HealthController {
    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private final AgentClient agent;
    private final JdbcClient jdbc;

    public HealthController(AgentClient agent, JdbcClient jdbc) {
        this.agent = agent;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/health", produces = "application/json")
    public ResponseEntity<Health> health() {
        boolean database = database();
        Capacity capacity = null;
        String reason = null;
        try {
            capacity = agent.capacity();
        } catch (AgentException e) {
            reason = "sandbox unavailable: " + e.getMessage();
        } catch (RuntimeException e) {
            log.warn("Health: the agent's capacity could not be read", e);
            reason = "sandbox unavailable: the agent's answer could not be read";
        }
        if (!database) reason = reason == null ? "database unavailable" : "database unavailable; " + reason;
        Health.Agent agentHealth = capacity == null ? new Health.Agent(false, null)
                : new Health.Agent(true, new Health.Capacity(capacity.running(), capacity.possible(),
                capacity.pool() == null ? null : new Health.Pool(capacity.pool().ready(), capacity.pool().target())));
        Health body = new Health(reason == null ? "ok" : "unavailable", "ok", database ? "ok" : "unavailable",
                agentHealth, reason);
        return ResponseEntity.status(reason == null ? 200 : 503).body(body);
    }

    private boolean database() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            log.warn("Health: database check failed: {}", e.getMessage());
            return false;
        }
    }

    /** The JSON shape of /health (documented in README, "Health"). */
    public record Health(String status, String web, String database, Agent agent, String reason) {
        public record Agent(boolean reachable, Capacity capacity) {
        }

        public record Capacity(int running, int possible, Pool pool) {
        }

        public record Pool(int ready, int target) {
        }
    }
}
