package io.isolab.agent.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {

    @Test
    void mapsTheBoundingSetOfThisMachineKind() {
        // measured here: every capability except SYS_RESOURCE (bit 24), up to CHECKPOINT_RESTORE (bit 40)
        HostCapabilities caps = new HostCapabilities("000001fffeffffff");
        assertThat(caps.granted()).contains("CHOWN", "SYS_ADMIN", "NET_ADMIN", "MKNOD", "AUDIT_READ")
                .doesNotContain("SYS_RESOURCE")
                .doesNotContain("PERFMON", "BPF", "CHECKPOINT_RESTORE");
        assertThat(caps.granted()).hasSize(41 - 1 - 3);
    }

    @Test
    void readsBitsInKernelOrder() {
        assertThat(HostCapabilities.fromMask("1")).containsExactly("CHOWN");
        assertThat(HostCapabilities.fromMask("200000")).containsExactly("SYS_ADMIN");
        assertThat(HostCapabilities.fromMask("0")).isEmpty();
    }

    @Test
    void forgetsWhatTheEngineRefuses() {
        HostCapabilities caps = new HostCapabilities("3fffffffff");
        caps.forget("AUDIT_READ");
        assertThat(caps.granted()).doesNotContain("AUDIT_READ").contains("BLOCK_SUSPEND");
    }

    @Test
    void readsThisHostsRealSet() {
        assertThat(new HostCapabilities().granted()).contains("SYS_ADMIN");
    }
}
