package io.isolab.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SandboxFactoryTest {

    @Test
    void findsTheCapabilityAnEngineRefuses() {
        List<String> caps = List.of("SYS_ADMIN", "AUDIT_READ", "SYS_RAWIO");
        assertThat(SandboxFactory.refusedCapability("Status 500: {\"message\":\"unknown capability: \\\"CAP_AUDIT_READ\\\"\"}", caps))
                .isEqualTo("AUDIT_READ");
        assertThat(SandboxFactory.refusedCapability("No such image: isolab/lab-node:latest", caps)).isNull();
    }

    @Test
    void limitsFillGapsFromDefaultsAndSurviveLabels() {
        SandboxLimits defaults = new SandboxLimits(1536, 1024, 1.0, 8192);
        SandboxLimits merged = SandboxLimits.merge(new SandboxLimits.SandboxLimitsRequest(512L, null, 0.5, null), defaults);
        assertThat(merged).isEqualTo(new SandboxLimits(512, 1024, 0.5, 8192));
        assertThat(SandboxLimits.fromLabel(merged.toLabel(), defaults)).isEqualTo(merged);
        assertThat(SandboxLimits.fromLabel("garbage", defaults)).isEqualTo(defaults);
    }
}
