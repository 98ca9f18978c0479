package io.isolab.agent.sandbox;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops first on shutdown: refuses new sandboxes and lets creations under way abort and clean up.
 * Ready sandboxes keep running; the next start re-adopts them.
 */
@Component
public class ShutdownGuard implements SmartLifecycle {

    private final InFlight inFlight;
    private final AgentProperties props;
    private volatile boolean running;

    public ShutdownGuard(InFlight inFlight, AgentProperties props) {
        this.inFlight = inFlight;
        this.props = props;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        // An aborting creation may still be in docker create or mkfs; give it start-timeout to finish and clean up.
        inFlight.closeAndDrain(props.startTimeout().toMillis() + 15_000);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
