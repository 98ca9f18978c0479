package io.isolab.testing;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tests that need a real sandbox agent read it from the environment and fail loudly without it:
 * a silently skipped test would look like a passing one.
 */
public final class AgentEnvironment {

    private AgentEnvironment() {
    }

    public static void require() {
        String url = System.getenv("ISOLAB_AGENT_URL");
        String token = System.getenv("ISOLAB_AGENT_TOKEN");
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            fail("This test needs a running sandbox agent: set ISOLAB_AGENT_URL and ISOLAB_AGENT_TOKEN "
                    + "(scripts/test.sh starts a test agent and sets both).");
        }
    }
}
