package io.isolab.agent.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm pool's target set at runtime, capped by capacity (3 here), filled two at a time. */
class PoolTargetIT {

    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.started("pooltarget", Map.of("isolab.agent.max-sandboxes", "3"));
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    private static JsonNode pool() {
        TestAgent.Answer a = agent.call("GET", "/api/v1/pool", null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void raisingTheTargetFillsThePoolTwoAtATimeAndLoweringItEmptiesIt() {
        assertThat(pool().get("target").asInt()).as("pool.size is the initial target").isZero();
        assertThat(agent.call("PUT", "/api/v1/pool", Map.of("target", -1)).status()).isEqualTo(400);
        assertThat(agent.call("PUT", "/api/v1/pool", Map.of()).status()).isEqualTo(400);

        TestAgent.Answer set = agent.call("PUT", "/api/v1/pool", Map.of("target", 12));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("target").asInt()).as("capped by max-sandboxes").isEqualTo(3);

        AtomicInteger mostStarting = new AtomicInteger();
        TestAgent.await("three warm sandboxes", Duration.ofSeconds(300), () -> {
            JsonNode p = pool();
            mostStarting.accumulateAndGet(p.get("starting").asInt(), Math::max);
            assertThat(p.get("ready").asInt() + p.get("starting").asInt()).isLessThanOrEqualTo(3);
            return p.get("ready").asInt() == 3 && p.get("starting").asInt() == 0;
        });
        assertThat(mostStarting.get()).as("sandboxes started in parallel, at most two").isEqualTo(2);
        assertThat(agent.containerNames(false)).hasSize(3);
        assertThat(agent.call("GET", "/api/v1/capacity", null).json().get("pool").get("target").asInt()).isEqualTo(3);

        assertThat(agent.call("PUT", "/api/v1/pool", Map.of("target", 0)).json().get("target").asInt()).isZero();
        TestAgent.await("the pool emptied", Duration.ofSeconds(180),
                () -> pool().get("ready").asInt() == 0 && agent.containerNames(true).isEmpty());
    }
}
