package io.isolab.agent.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sandboxes being created right now. On shutdown, new creations are refused and running ones
 * abort and clean up, so a stopped agent leaves no half-created sandbox.
 */
@Component
public class InFlight {

    private static final Logger log = LoggerFactory.getLogger(InFlight.class);

    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public synchronized boolean begin(String name) {
        if (closing) {
            return false;
        }
        names.add(name);
        return true;
    }

    public synchronized void end(String name) {
        names.remove(name);
        notifyAll();
    }

    public boolean closing() {
        return closing;
    }

    /** Called on shutdown: waits (bounded) for creations to abort and clean up. */
    public synchronized void closeAndDrain(long maxMillis) {
        closing = true;
        long deadline = System.currentTimeMillis() + maxMillis;
        while (!names.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!names.isEmpty()) {
            log.warn("Shutting down with sandboxes still starting: {} (the next start removes them)", names);
        }
    }
}
