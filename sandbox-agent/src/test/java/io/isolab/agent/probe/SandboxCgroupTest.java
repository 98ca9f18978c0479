package io.isolab.agent.probe;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxCgroupTest {

    private static final String SANDBOX = "a".repeat(64);
    private static final String INNER = "b".repeat(64);

    private final SandboxCgroup cgroup = SandboxCgroup.of(List.of(
            "12:pids:/docker/" + SANDBOX, "5:memory:/docker/" + SANDBOX, "1:name=systemd:/docker/" + SANDBOX, "0::/"))
            .orElseThrow();

    @Test
    void theSandboxsOwnProcessesAreMembersWithoutContainer() {
        var below = cgroup.below(List.of("12:pids:/docker/" + SANDBOX, "0::/"));
        assertThat(below).contains("");
        assertThat(SandboxCgroup.containerId(below.orElseThrow())).isNull();
    }

    @Test
    void innerContainersAreMembersWithTheirId() {
        var below = cgroup.below(List.of("12:pids:/docker/" + SANDBOX + "/docker/" + INNER));
        assertThat(below).contains("/docker/" + INNER);
        assertThat(SandboxCgroup.containerId(below.orElseThrow())).isEqualTo(INNER);
    }

    @Test
    void otherCgroupsAreNotMembers() {
        assertThat(cgroup.below(List.of("12:pids:/docker/" + SANDBOX + "0"))).isEmpty();
        assertThat(cgroup.below(List.of("12:pids:/user.slice"))).isEmpty();
    }

    @Test
    void systemdScopesOnV2() {
        var v2 = SandboxCgroup.of(List.of("0::/system.slice/docker-" + SANDBOX + ".scope")).orElseThrow();
        var below = v2.below(List.of("0::/system.slice/docker-" + SANDBOX + ".scope/docker/" + INNER));
        assertThat(SandboxCgroup.containerId(below.orElseThrow())).isEqualTo(INNER);
        assertThat(SandboxCgroup.containerId("/system.slice/docker-" + INNER + ".scope")).isEqualTo(INNER);
        assertThat(v2.below(List.of("0::/init.scope"))).isEmpty();
    }

    @Test
    void statusFieldsAndCmdline() {
        ProcStatus status = ProcStatus.parse("Name:\tsleep\nNSpid:\t4242\t17\t1\nCapEff:\t00000000a80425fb\nSeccomp:\t2\n");
        assertThat(status).isEqualTo(new ProcStatus(2, "00000000a80425fb", List.of(4242, 17, 1)));
        assertThat(status.nsPid()).isEqualTo(1);
        assertThat(status.depth()).isEqualTo(2);
        assertThat(status.pidAtDepth(1)).as("as the sandbox one level down numbers it").isEqualTo(17);
        assertThat(status.pidAtDepth(3)).isNull();
        assertThat(SandboxProcesses.cmdline("sleep\0001000\0".getBytes(StandardCharsets.UTF_8))).isEqualTo("sleep 1000");
    }
}
