package io.isolab.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.catalog.Step;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.AgentProperties;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.SandboxInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Every condition kind against a REAL sandbox of a REAL agent: each one is shown to FAIL first, then
 * to PASS after a real change made inside the sandbox. Needs ISOLAB_AGENT_URL and ISOLAB_AGENT_TOKEN;
 * without them every test fails (it never skips). One sandbox for the class, deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveChecksTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final ConditionParser parser = new ConditionParser();
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    AgentClient agent;
    String sandboxId;
    /** How checks reach the sandbox: through the agent. */
    SandboxAccess access;

    @BeforeAll
    void startSandbox() {
        String url = System.getenv("ISOLAB_AGENT_URL");
        String token = System.getenv("ISOLAB_AGENT_TOKEN");
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            fail("LiveChecksTest runs every check kind against a real sandbox agent: start one and set ISOLAB_AGENT_URL"
                    + " (e.g. http://127.0.0.1:7121) and ISOLAB_AGENT_TOKEN");
        }
        agent = new AgentClient(new AgentProperties(URI.create(url), token, Duration.ofSeconds(60), Duration.ofSeconds(180)), json);
        SandboxInfo sandbox = agent.create("checks-live-test", null, 3600);
        sandboxId = sandbox.id();
        access = new AgentSandboxAccess(agent, sandboxId);
        buildBusyboxImage();
    }

    void buildBusyboxImage() {
        // an image built offline from the sandbox's own busybox: no registry needed
        sh("""
                set -e; rm -rf /tmp/bb; mkdir -p /tmp/bb/www; cp "$(command -v busybox)" /tmp/bb/busybox
                echo 'hi from web' > /tmp/bb/www/index.html
                printf 'FROM scratch\\nCOPY busybox /bin/busybox\\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\\nCOPY www /www\\nCMD ["sh"]\\n' > /tmp/bb/Dockerfile
                docker build -q -t checks-bb /tmp/bb
                """, 180);
    }

    @AfterAll
    void deleteSandbox() {
        if (agent != null && sandboxId != null) agent.delete(sandboxId);
    }

    @Test
    void processAndItsNamespaces() {
        String plain = "process: {command: '^sleep 1000$'}";
        String ownPid = "process: {command: '^sleep 1001$', namespace: {type: pid, differsFrom: sandbox}}";
        assertFails(plain, "no process matching `^sleep 1000$` is running");
        assertFails(ownPid, "no process matching `^sleep 1001$` is running");
        sh("setsid nohup sleep 1000 >/dev/null 2>&1 < /dev/null &", 10);
        sh("setsid nohup unshare --pid --fork --mount-proc sleep 1001 >/dev/null 2>&1 < /dev/null &", 10);
        assertPassesEventually(plain);
        assertPassesEventually(ownPid);
        assertFails("process: {command: '^sleep 1000$', namespace: {type: pid, differsFrom: sandbox}}",
                "`^sleep 1000$` runs but in the sandbox's pid namespace (expected its own)");
        String dropped = "process: {command: '^sleep 1003$', capDropped: CHOWN}";
        assertFails("process: {command: '^sleep 1000$', capDropped: CHOWN}", "`^sleep 1000$` still has CAP_CHOWN (expected it dropped)");
        sh("setsid nohup capsh --drop=cap_chown -- -c 'exec sleep 1003' >/dev/null 2>&1 < /dev/null &", 10);
        assertPassesEventually(dropped);
    }

    @Test
    void namespaceSharedOrNot() {
        String separate = "namespace: {type: net, a: {command: '^sleep 1002$'}, b: sandbox, shared: false}";
        assertFails(separate, "no process matching `^sleep 1002$` is running");
        sh("setsid nohup unshare --net sleep 1002 >/dev/null 2>&1 < /dev/null &", 10);
        assertPassesEventually(separate);
        assertFails("namespace: {type: net, a: {command: '^sleep 1002$'}, b: sandbox}",
                "`^sleep 1002$` and the sandbox are in different net namespaces (expected one shared)");
        assertPasses("namespace: {type: uts, a: {command: '^sleep 1002$'}, b: sandbox}");
    }

    @Test
    void containerCgroupAndProcessInside() {
        String limited = "cgroup: {container: db, memoryLimit: 100M, pidsLimit: 10, cpuUsage: nonzero}";
        String running = "container: {name: db, running: true, image: checks-bb, cmd: sleep 3000}";
        assertFails(limited, "there is no container `db`");
        assertFails(running, "there is no container `db` (docker ps -a shows none)");
        sh("docker run -d --name db -m 100m --pids-limit 10 checks-bb sleep 3000", 60);
        assertPassesEventually(running);
        assertPassesEventually(limited);
        assertPasses("process: {command: '^sleep 3000$', container: db, namespace: {type: pid, differsFrom: sandbox}}");
        assertPasses("namespace: {type: mnt, a: {container: db}, b: sandbox, shared: false}");
        sh("docker run -d --name db2 checks-bb sleep 3001", 60);
        assertFails("cgroup: {container: db2, memoryLimit: 100m}", "container `db2` has no memory limit (expected 100 MiB)");
        sh("docker stop -t 1 db2", 60);
        assertFails("container: {name: db2, running: true}", "container `db2` is not running (exited, exit code 137)");
    }

    @Test
    void imageNetworkVolume() {
        sh("set -e; mkdir -p /tmp/site; echo page > /tmp/site/index.html; echo s3cret > /tmp/site/secret.txt;"
                + " printf 'FROM checks-bb\\nCOPY . /site\\n' > /tmp/site/Dockerfile; docker build -q -t checks-site /tmp/site", 120);
        String site = "image: {name: checks-site, exposes: 80, absentFile: /site/secret.txt}";
        assertFails(site, "image `checks-site` has no EXPOSE 80/tcp");
        sh("set -e; printf 'FROM checks-bb\\nEXPOSE 80\\nCOPY . /site\\n' > /tmp/site/Dockerfile; docker build -q -t checks-site /tmp/site", 120);
        assertFails(site, "image `checks-site` contains /site/secret.txt (expected it left out, e.g. by .dockerignore)");
        sh("set -e; echo secret.txt > /tmp/site/.dockerignore; docker build -q -t checks-site /tmp/site", 120);
        assertPasses(site);

        String net = "network: {name: checksnet, driver: bridge, contains: netbox}";
        assertFails(net, "there is no network `checksnet` (docker network ls shows none)");
        sh("docker network create checksnet && docker run -d --name netbox --network checksnet checks-bb sleep 3002", 60);
        assertPassesEventually(net);
        assertPasses("container: {name: netbox, network: checksnet}");

        String vol = "volume: {name: checksvol}";
        assertFails(vol, "there is no volume `checksvol` (docker volume ls shows none)");
        sh("docker volume create checksvol", 30);
        assertPasses(vol);
    }

    @Test
    void fileInSandboxAndContainer() {
        String hello = "file: {path: /data/hello.txt, contains: hello}";
        assertFails(hello, "file /data/hello.txt does not exist");
        sh("mkdir -p /data && echo bye > /data/hello.txt", 10);
        assertFails(hello, "file /data/hello.txt does not contain `hello`");
        sh("echo hello >> /data/hello.txt", 10);
        assertPasses(hello);
        sh("docker run -d --name filebox checks-bb sleep 3003", 60);
        String inside = "file: {path: /www/note.txt, container: filebox, matches: '^hi$'}";
        assertFails(inside, "file /www/note.txt in container `filebox` does not exist");
        sh("docker exec filebox sh -c 'echo hi > /www/note.txt'", 30);
        assertPasses(inside);
    }

    @Test
    void httpInSandboxAndToContainer() {
        String local = "http: {port: 8080, contains: hi from web}";
        assertFails(local, "nothing answers on localhost:8080 (connection refused)");
        sh("busybox httpd -p 8080 -h /tmp/bb/www", 10);
        assertPassesEventually(local);
        assertFails("http: {port: 8080, path: /missing}", "GET localhost:8080/missing answered 404 (expected 200)");
        sh("docker run -d --name web checks-bb httpd -f -p 80 -h /www", 60);
        assertPassesEventually("http: {host: web, port: 80, contains: hi from web}");
    }

    @Test
    void answersAgainstWhatTheLearnerSees() {
        sh("setsid nohup sleep 1010 >/dev/null 2>&1 < /dev/null &", 10);
        sh("setsid nohup unshare --pid --fork --mount-proc sleep 1011 >/dev/null 2>&1 < /dev/null &", 10);
        sh("docker run -d --name answerbox checks-bb sleep 1012", 60);
        assertPassesEventually("process: {command: '^sleep 1012$'}");
        for (String cmd : List.of("sleep 1010", "sleep 1011", "sleep 1012")) {
            String pidOf = "answer: {prompt: pid, value: {pidOf: '^" + cmd + "$'}}";
            String pid = eventually(() -> sh("pgrep -xf '" + cmd + "'", 10).strip());
            assertFails(pidOf, "999999", "your answer `999999` is not the pid of `^" + cmd + "$` (it runs now, ask ps)");
            assertPasses(pidOf, pid);
        }
        String pid = sh("pgrep -xf 'sleep 1010'", 10).strip();
        String nsOf = "answer: {prompt: net, value: {nsOf: {command: '^sleep 1010$', type: net}}}";
        assertFails(nsOf, "net:[1]", "your answer `net:[1]` is not the net namespace of `^sleep 1010$` (ls -l /proc/<pid>/ns shows it)");
        assertPasses(nsOf, sh("readlink /proc/" + pid + "/ns/net", 10));
        String caps = "answer: {prompt: caps, value: {capEffOf: '^sleep 1010$'}}";
        assertPasses(caps, "0x" + sh("awk '/^CapEff/ {print $2}' /proc/" + pid + "/status", 10).strip());
        assertFails(caps, "1", "your answer `1` is not the effective capability mask of `^sleep 1010$` (grep CapEff /proc/<pid>/status shows it)");
        assertPasses("answer: {prompt: host, value: {script: hostname}}", sh("hostname", 10));
    }

    @Test
    void scriptExitCode() {
        String panda = "script: {run: 'stat /etc/panda', timeout: 5}";
        Outcome before = check(panda, null);
        assertThat(before.reason()).isEqualTo("the check exited with code 1");
        assertThat(before.output()).contains("/etc/panda");
        sh("touch /etc/panda", 10);
        assertPasses(panda);
        assertFails("script: {run: 'sleep 30', timeout: 2}", "the check did not finish within 2 s");
        // Killercoda verify scripts are bash scripts
        assertPasses("script: {run: '[[ -f /etc/panda ]] && echo found'}");
    }

    @Test
    void stepCheckerThroughTheAgent() {
        LiveStepChecker checker = new LiveStepChecker(agent, parser, json);
        sh("setsid nohup sleep 1020 >/dev/null 2>&1 < /dev/null &", 10);
        Step step = new Step(1, "demo", "Demo", "", false, null, null, List.of(
                Yaml.condition("{process: {command: '^sleep 1020$'}, hint: run it}"),
                Yaml.condition("{answer: {prompt: pid, value: {pidOf: '^sleep 1020$'}}}"),
                Yaml.condition("{volume: {name: nothere}, hint: create it}")), "", List.of(), "labs/demo/01-demo.md");
        StepResult r = eventually(() -> {
            StepResult result = checker.check(null, step, sandboxId, List.of(sh("pgrep -xf 'sleep 1020'", 10).strip()));
            return result.conditions().get(0).passed() ? result : null;
        });
        assertThat(r.conditions()).extracting(ConditionResult::passed).containsExactly(true, true, false);
        assertThat(r.conditions().get(2).reason()).isEqualTo("there is no volume `nothere` (docker volume ls shows none)");
        assertThat(r.conditions().get(2).hint()).isEqualTo("create it");
        try {
            checker.check(null, step, "no-such-sandbox", List.of());
            fail("a missing sandbox must raise AgentException");
        } catch (AgentException e) {
            assertThat(e.notFound()).isTrue();
        }
    }

    // ---- helpers

    Outcome check(String yaml, String answer) {
        SandboxView view = new SandboxView(access, json);
        return ConditionEvaluator.evaluate(parser.parse(Yaml.condition(yaml)), view, answer);
    }

    private void assertFails(String yaml, String reason) {
        assertFails(yaml, null, reason);
    }

    private void assertFails(String yaml, String answer, String reason) {
        Outcome o = check(yaml, answer);
        assertThat(o.passed()).as("%s should fail before the change", yaml).isFalse();
        assertThat(o.reason()).as(yaml).isEqualTo(reason);
    }

    private void assertPasses(String yaml) {
        assertPasses(yaml, null);
    }

    private void assertPasses(String yaml, String answer) {
        Outcome o = check(yaml, answer);
        assertThat(o.passed()).as("%s should pass, but: %s %s", yaml, o.reason(), o.output()).isTrue();
    }

    /** Processes and containers take a moment to appear on a loaded machine: poll, never sleep blindly. */
    private void assertPassesEventually(String yaml) {
        Outcome last = null;
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            last = check(yaml, null);
            if (last.passed()) return;
            pause();
        }
        fail(yaml + " did not pass within " + DEADLINE.toSeconds() + " s; last reason: " + last.reason());
    }

    private <T> T eventually(Supplier<T> read) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            try {
                T value = read.get();
                if (value != null && !"".equals(value)) return value;
            } catch (AssertionError e) {
                // not there yet
            }
            pause();
        }
        return fail("no value within " + DEADLINE.toSeconds() + " s");
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sh(String script, int timeout) {
        ExecResult r = access.shell(script, timeout);
        assertThat(r.ok()).as("in the sandbox: %s%nexit %s%nstdout: %s%nstderr: %s", script, r.exitCode(), r.stdout(), r.stderr()).isTrue();
        return r.stdout();
    }
}
