package io.isolab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.sandbox.CgroupStats;
import org.junit.jupiter.api.Test;

/** Reasons of process, namespace, cgroup and answer conditions on the hand-written sandbox of {@link Fixtures}. */
class ProcessEvaluationTest {
    private final FakeSandbox sandbox = Fixtures.sandbox();
    private final ConditionParser parser = new ConditionParser();

    private Outcome eval(String yaml) {
        return eval(yaml, null);
    }

    private Outcome eval(String yaml, String answer) {
        return ConditionEvaluator.evaluate(parser.parse(Yaml.condition(yaml)), sandbox.view(), answer);
    }

    @Test
    void processRunsOrNot() {
        assertThat(eval("process: {command: sleep 1000}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 3000}").reason()).isEqualTo("no process matching `sleep 3000` is running");
        assertThat(eval("process: {command: redis, container: db}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 1000, container: db}").reason())
                .isEqualTo("`sleep 1000` runs, but not in container `db`");
        assertThat(eval("process: {container: web}").reason()).isEqualTo("no process runs in container `web` (is it running?)");
    }

    @Test
    void processNamespace() {
        assertThat(eval("process: {command: sleep 1000, namespace: {type: pid, differsFrom: sandbox}}").reason())
                .isEqualTo("`sleep 1000` runs but in the sandbox's pid namespace (expected its own)");
        assertThat(eval("process: {command: sleep 2000, namespace: {type: pid, differsFrom: sandbox}}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 2000, namespace: {type: net, sameAs: sandbox}}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 1000, namespace: {type: net, sameAs: {container: db}}}").reason())
                .isEqualTo("`sleep 1000` runs but in a net namespace of its own (expected the one of container `db`)");
        assertThat(eval("process: {command: sleep 1000, namespace: {type: net, differsFrom: {command: sleep 2000}}}").reason())
                .isEqualTo("`sleep 1000` runs but in the net namespace of `sleep 2000` (expected its own)");
        assertThat(eval("process: {command: sleep 1000, namespace: {type: net, sameAs: {container: web}}}").reason())
                .isEqualTo("container `web` is not running, so the net namespace of `sleep 1000` cannot be compared with it");
    }

    @Test
    void processSeccompAndCapabilities() {
        assertThat(eval("process: {command: redis, seccomp: 2, capDropped: [NET_ADMIN, SYS_ADMIN], capAdded: CHOWN}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 1000, seccomp: 2}").reason())
                .isEqualTo("`sleep 1000` runs with seccomp mode 0 (off) (expected 2 (filter))");
        assertThat(eval("process: {command: redis, capAdded: NET_ADMIN}").reason())
                .isEqualTo("`redis` runs without CAP_NET_ADMIN (expected it added)");
        assertThat(eval("process: {command: sleep 1000, capDropped: chown}").reason())
                .isEqualTo("`sleep 1000` still has CAP_CHOWN (expected it dropped)");
        assertThat(eval("process: {command: redis, capEff: '0xa80425fb'}").passed()).isTrue();
        assertThat(eval("process: {command: sleep 1000, capEff: a80425fb}").reason())
                .isEqualTo("`sleep 1000` runs with effective capabilities 000001fffeffffff (expected a80425fb)");
    }

    @Test
    void anyMatchingProcessMaySatisfy() {
        // both sleeps match "sleep"; only sleep 2000 has its own pid namespace
        assertThat(eval("process: {command: sleep, namespace: {type: pid, differsFrom: sandbox}}").passed()).isTrue();
    }

    @Test
    void namespaceCondition() {
        assertThat(eval("namespace: {type: net, a: {command: sleep 2000}, b: sandbox}").passed()).isTrue();
        assertThat(eval("namespace: {type: pid, a: {command: sleep 2000}, b: sandbox}").reason())
                .isEqualTo("`sleep 2000` and the sandbox are in different pid namespaces (expected one shared)");
        assertThat(eval("namespace: {type: uts, a: {container: db}, b: {command: sleep 1000}, shared: false}").passed()).isTrue();
        assertThat(eval("namespace: {type: net, a: {command: sleep 1000}, b: sandbox, shared: false}").reason())
                .isEqualTo("`sleep 1000` and the sandbox share one net namespace (expected separate ones)");
        assertThat(eval("namespace: {type: net, a: {command: nginx}, b: sandbox}").reason())
                .isEqualTo("no process matching `nginx` is running");
    }

    @Test
    void cgroupLimits() {
        sandbox.cgroups.put("db", new CgroupStats("db", 1, 104857600L, 5242880L, null, 4L, 123456789L, 50000L, 100000L));
        sandbox.cgroups.put("old", new CgroupStats("old", 2, null, 0L, 10L, 0L, 0L, null, 100000L));
        assertThat(eval("cgroup: {container: db, memoryLimit: 100m, cpuUsage: nonzero, cpuQuota: 0.5, pidsLimit: none}").passed()).isTrue();
        assertThat(eval("cgroup: {container: db, memoryLimit: 200M}").reason())
                .isEqualTo("container `db` has a memory limit of 100 MiB (expected 200 MiB)");
        assertThat(eval("cgroup: {container: old, memoryLimit: 100M}").reason())
                .isEqualTo("container `old` has no memory limit (expected 100 MiB)");
        assertThat(eval("cgroup: {container: old, memoryLimit: any}").reason())
                .isEqualTo("container `old` has no memory limit (expected one)");
        assertThat(eval("cgroup: {container: db, memoryLimit: none}").reason())
                .isEqualTo("container `db` has a memory limit of 100 MiB (expected none)");
        assertThat(eval("cgroup: {container: old, pidsLimit: 20}").reason())
                .isEqualTo("container `old` has a pids limit of 10 (expected 20)");
        assertThat(eval("cgroup: {container: old, cpuUsage: nonzero}").reason())
                .isEqualTo("container `old` has used no CPU time yet");
        assertThat(eval("cgroup: {container: old, cpuQuota: 1}").reason())
                .isEqualTo("container `old` has no CPU quota (expected 1 CPUs)");
    }

    @Test
    void cgroupOfMissingOrStoppedContainer() {
        assertThat(eval("cgroup: {container: web, memoryLimit: 100M}").reason()).isEqualTo("there is no container `web`");
        // the agent has no cgroup for a stopped container: docker inspect tells why
        sandbox.inspect.put("container stopped", Fixtures.STOPPED);
        assertThat(eval("cgroup: {container: stopped, memoryLimit: 100M}").reason()).isEqualTo("container `stopped` is not running");
    }

    @Test
    void answerPidOfIsThePidInsideTheSandbox() {
        String pidOf = "answer: {prompt: PID, value: {pidOf: sleep 1000}}";
        assertThat(eval(pidOf, "57").passed()).isTrue();
        assertThat(eval(pidOf, " 57\n").passed()).isTrue();
        assertThat(eval(pidOf, "3100").reason()).isEqualTo("your answer `3100` is not the pid of `sleep 1000` (it runs now, ask ps)");
        assertThat(eval(pidOf, "123").reason()).isEqualTo("your answer `123` is not the pid of `sleep 1000` (it runs now, ask ps)");
        assertThat(eval(pidOf, "fifty").reason()).isEqualTo("your answer `fifty` is not a number");
        assertThat(eval(pidOf, "").reason()).isEqualTo("no answer given yet");
        // processes in inner pid namespaces: the sandbox-level pid from NSpid, not their own pid 1
        assertThat(eval("answer: {prompt: PID, value: {pidOf: redis}}", "80").passed()).isTrue();
        assertThat(eval("answer: {prompt: PID, value: {pidOf: redis}}", "1").passed()).isFalse();
        assertThat(eval("answer: {prompt: PID, value: {pidOf: sleep 2000}}", "95").passed()).isTrue();
        assertThat(eval("answer: {prompt: PID, value: {pidOf: nginx}}", "1").reason())
                .isEqualTo("no process matching `nginx` is running, so there is no pid to compare with");
    }

    @Test
    void answerNamespaceAndCapabilities() {
        String nsOf = "answer: {prompt: net ns, value: {nsOf: {container: db, type: net}}}";
        assertThat(eval(nsOf, "net:[4026532404]").passed()).isTrue();
        assertThat(eval(nsOf, "4026532404").passed()).isTrue();
        assertThat(eval(nsOf, "4026532304").reason())
                .isEqualTo("your answer `4026532304` is not the net namespace of container `db` (ls -l /proc/<pid>/ns shows it)");
        String caps = "answer: {prompt: caps, value: {capEffOf: redis}}";
        assertThat(eval(caps, "00000000a80425fb").passed()).isTrue();
        assertThat(eval(caps, "0xA80425FB").passed()).isTrue();
        assertThat(eval(caps, "a80425fa").reason()).startsWith("your answer `a80425fa` is not the effective capability mask of `redis`");
    }

    @Test
    void answerScript() {
        sandbox.script("bash -c 'hostname';", 0, "lab-node\n", "");
        sandbox.script("bash -c 'false';", 1, "", "boom\n");
        assertThat(eval("answer: {prompt: host, value: {script: hostname}}", "  lab-node ").passed()).isTrue();
        assertThat(eval("answer: {prompt: host, value: {script: hostname}}", "localhost").reason())
                .isEqualTo("your answer `localhost` is not right");
        Outcome broken = eval("answer: {prompt: host, value: {script: 'false'}}", "x");
        assertThat(broken.reason()).isEqualTo("the right value could not be read (the script exited with code 1)");
        assertThat(broken.output()).isEqualTo("boom");
    }
}
