package io.isolab.testing;

import io.isolab.checks.StepChecker;
import io.isolab.player.LabSource;
import io.isolab.sandbox.AgentClient;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Wires the player to the test catalog and the test checker (primary, so real ones may coexist). */
@TestConfiguration(proxyBeanMethods = false)
public class PlayerTestConfig {

    @Bean
    @Primary
    public LabSource testLabs() throws IOException {
        return new TestLabs(Files.createTempDirectory("isolab-test-labs"));
    }

    @Bean
    @Primary
    public StepChecker testStepChecker(AgentClient agent) {
        return new ScriptStepChecker(agent);
    }
}
