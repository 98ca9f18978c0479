package io.isolab.checks;

import static io.isolab.checks.Yaml.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
    private final ConditionParser parser = new ConditionParser();

    private Check parse(String yaml) {
        return parser.parse(condition(yaml));
    }

    private List<String> problems(String yaml) {
        return parser.problems(condition(yaml));
    }

    @Test
    void process() {
        ProcessCheck c = (ProcessCheck) parse("""
                process: {command: "sleep 1000", container: db, namespace: {type: pid, differsFrom: sandbox},
                          seccomp: 2, capEff: "00000000a80425fb", capAdded: NET_ADMIN, capDropped: [chown, CAP_KILL]}
                """);
        assertThat(c.command().pattern()).isEqualTo("sleep 1000");
        assertThat(c.container()).isEqualTo("db");
        assertThat(c.namespace()).isEqualTo(new NamespaceRule("pid", false, Target.SANDBOX));
        assertThat(c.seccomp()).isEqualTo(2);
        assertThat(c.capAdded()).containsExactly("CAP_NET_ADMIN");
        assertThat(c.capDropped()).containsExactly("CAP_CHOWN", "CAP_KILL");
        assertThat(c.label()).isEqualTo("a process `sleep 1000` runs in container `db`, in a pid namespace of its own"
                + " (not the sandbox's), with seccomp mode 2, with effective capabilities 00000000a80425fb,"
                + " with CAP_NET_ADMIN, without CAP_CHOWN, CAP_KILL");

        ProcessCheck same = (ProcessCheck) parse("process: {command: nginx, namespace: {type: net, sameAs: {container: db}}}");
        assertThat(same.namespace().same()).isTrue();
        assertThat(same.namespace().other().container()).isEqualTo("db");
    }

    @Test
    void namespace() {
        NamespaceCheck c = (NamespaceCheck) parse("namespace: {type: net, a: {command: nginx}, b: {container: db}, shared: false}");
        assertThat(c.a().command().pattern()).isEqualTo("nginx");
        assertThat(c.b().container()).isEqualTo("db");
        assertThat(c.shared()).isFalse();
        assertThat(c.label()).isEqualTo("`nginx` and container `db` have separate net namespaces");
        assertThat(((NamespaceCheck) parse("namespace: {type: uts, a: sandbox, b: {command: x}}")).shared()).isTrue();
    }

    @Test
    void cgroup() {
        CgroupCheck c = (CgroupCheck) parse("cgroup: {container: db, memoryLimit: 100M, pidsLimit: 10, cpuUsage: nonzero, cpuQuota: 0.5}");
        assertThat(c.memoryLimit()).isEqualTo(Limit.exact(104857600));
        assertThat(c.pidsLimit()).isEqualTo(Limit.exact(10));
        assertThat(c.cpuQuota()).isEqualTo(Limit.exact(500));
        assertThat(c.cpuUsage()).isTrue();
        assertThat(c.label()).isEqualTo("container `db` has a memory limit of 100 MiB, has a pids limit of 10,"
                + " has a CPU quota of 0.5 CPUs, has used CPU time");
        CgroupCheck none = (CgroupCheck) parse("cgroup: {container: db, memoryLimit: none, pidsLimit: any}");
        assertThat(none.memoryLimit().mode()).isEqualTo(Limit.Mode.NONE);
        assertThat(none.pidsLimit().mode()).isEqualTo(Limit.Mode.ANY);
        assertThat(((CgroupCheck) parse("cgroup: {container: db, memoryLimit: 104857600}")).memoryLimit().value()).isEqualTo(104857600);
    }

    @Test
    void container() {
        ContainerCheck c = (ContainerCheck) parse("""
                container: {name: web, running: true, image: nginx, port: 80, publishedPort: 8080, env: "K=V",
                            link: "redis-server:redis", mount: /data/, volumeFrom: data, network: mynet,
                            cmd: [nginx, -g, "daemon off;"], entrypoint: /docker-entrypoint.sh}
                """);
        assertThat(c.running()).isTrue();
        assertThat(c.ports()).containsExactly("80/tcp");
        assertThat(c.publishedPorts()).containsExactly(8080);
        assertThat(c.mounts()).containsExactly("/data");
        assertThat(c.cmd().exact()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(c.entrypoint().text()).isEqualTo("/docker-entrypoint.sh");
        ContainerCheck count = (ContainerCheck) parse("container: {count: {image: nginx, min: 2}}");
        assertThat(count.count()).isEqualTo(new ContainerCheck.Count("nginx", 2, null));
        assertThat(count.label()).isEqualTo("at least 2 containers of image `nginx` run");
    }

    @Test
    void imageNetworkVolume() {
        ImageCheck i = (ImageCheck) parse("""
                image: {name: "static-site:v1", cmd: "nginx -g 'daemon off;'", exposes: [80, 443/tcp], env: PATH,
                        workdir: /app, layersAtLeast: 3, onbuild: true, absentFile: /app/.git}
                """);
        assertThat(i.exposes()).containsExactly("80/tcp", "443/tcp");
        assertThat(i.absentFiles()).containsExactly("/app/.git");
        assertThat(i.layersAtLeast()).isEqualTo(3);
        assertThat(((NetworkCheck) parse("network: {name: mynet, driver: bridge, contains: [web, db]}")).contains())
                .containsExactly("web", "db");
        assertThat(((VolumeCheck) parse("volume: {name: data}")).label()).isEqualTo("volume `data` exists");
    }

    @Test
    void fileHttpScript() {
        FileCheck f = (FileCheck) parse("file: {path: /data/hello.txt, contains: hello, container: db}");
        assertThat(f.exists()).isTrue();
        assertThat(f.label()).isEqualTo("file /data/hello.txt in container `db` contains `hello`");
        assertThat(((FileCheck) parse("file: {path: /tmp/x, exists: false}")).exists()).isFalse();
        HttpCheck h = (HttpCheck) parse("http: {port: 8080}");
        assertThat(h).isEqualTo(new HttpCheck(8080, "/", 200, null, null));
        assertThat(((HttpCheck) parse("http: {port: 80, path: index.html, status: 404, host: web}")).target())
                .isEqualTo("web:80/index.html");
        assertThat(parse("script: {run: 'test -f /x', timeout: 5}")).isEqualTo(new ScriptCheck("test -f /x", 5));
        assertThat(((ScriptCheck) parse("script: {run: 'test -f /x'}")).timeoutSeconds()).isEqualTo(10);
    }

    @Test
    void answer() {
        AnswerCheck pid = (AnswerCheck) parse("answer: {prompt: PID of that sleep, value: {pidOf: sleep 1000}}");
        assertThat(pid.source()).isInstanceOf(AnswerCheck.PidOf.class);
        assertThat(pid.normalize()).isEqualTo(AnswerCheck.Normalize.INT);
        AnswerCheck ns = (AnswerCheck) parse("answer: {prompt: net ns, value: {nsOf: {command: sleep, type: net}}}");
        assertThat(((AnswerCheck.NsOf) ns.source()).type()).isEqualTo("net");
        assertThat(((AnswerCheck) parse("answer: {prompt: caps, value: {capEffOf: sleep}}")).normalize())
                .isEqualTo(AnswerCheck.Normalize.HEX);
        AnswerCheck script = (AnswerCheck) parse("answer: {prompt: hostname, value: {script: hostname}, normalize: text}");
        assertThat(script.source()).isEqualTo(new AnswerCheck.Script("hostname"));
        assertThat(((AnswerCheck) parse("answer: {prompt: n, value: {script: 'echo 7'}, normalize: int}")).normalize())
                .isEqualTo(AnswerCheck.Normalize.INT);
    }

    @Test
    void unknownKindNamesLocationAndKnownKinds() {
        assertThat(problems("proces: {command: x}")).containsExactly("labs/demo/01-start.md:7: proces: unknown kind of check"
                + " (known: process, namespace, cgroup, container, image, network, volume, file, http, answer, script)");
    }

    @Test
    void unknownParameter() {
        assertThat(problems("process: {comand: sleep}")).containsExactly(
                "labs/demo/01-start.md:7: process: unknown parameter `comand` (known: command, container, namespace,"
                        + " seccomp, capEff, capAdded, capDropped)",
                "labs/demo/01-start.md:7: process: needs `command` (a regex on the command line) or `container`");
        assertThat(problems("process: {command: x, namespace: {type: pid, differ: sandbox}}")).contains(
                "labs/demo/01-start.md:7: process.namespace: unknown parameter `differ` (known: type, differsFrom, sameAs)");
    }

    @Test
    void wrongTypes() {
        assertThat(problems("cgroup: {container: db, pidsLimit: ten}"))
                .containsExactly("labs/demo/01-start.md:7: cgroup.pidsLimit: `ten` is not a whole number; or write `none` or `any`");
        assertThat(problems("cgroup: {container: db, memoryLimit: lots}")).containsExactly("labs/demo/01-start.md:7:"
                + " cgroup.memoryLimit: `lots` is not a size (write e.g. 100M, 1g or 104857600); or write `none` or `any`");
        assertThat(problems("container: {name: db, running: maybe}"))
                .containsExactly("labs/demo/01-start.md:7: container.running: must be true or false, `maybe` is not");
        assertThat(problems("http: {port: web}"))
                .containsExactly("labs/demo/01-start.md:7: http.port: must be a whole number >= 0, `web` is not");
        assertThat(problems("file: {path: {a: 1}}"))
                .containsExactly("labs/demo/01-start.md:7: file.path: must be a text, not a map");
        assertThat(problems("process: {command: x, namespace: pid}"))
                .containsExactly("labs/demo/01-start.md:7: process.namespace: must be a map like {namespace-parameter: value}, not `pid`");
    }

    @Test
    void badValues() {
        assertThat(problems("process: {command: 'sleep (1000'}")).singleElement().asString()
                .startsWith("labs/demo/01-start.md:7: process.command: `sleep (1000` is not a valid regular expression");
        assertThat(problems("process: {command: x, capAdded: NET_MAGIC, seccomp: 3}")).containsExactlyInAnyOrder(
                "labs/demo/01-start.md:7: process.capAdded: `NET_MAGIC` is not a Linux capability (e.g. NET_ADMIN)",
                "labs/demo/01-start.md:7: process.seccomp: must be 0 (off), 1 (strict) or 2 (filter)");
        assertThat(problems("namespace: {type: network, a: sandbox}")).containsExactly(
                "labs/demo/01-start.md:7: namespace.type: `network` is not a namespace type (one of cgroup, ipc, mnt, net, pid, time, user, uts)",
                "labs/demo/01-start.md:7: namespace: missing parameter `b`");
        assertThat(problems("file: {path: data/x, exists: false, contains: y}")).containsExactly(
                "labs/demo/01-start.md:7: file.path: `data/x` must be an absolute path (start with /)",
                "labs/demo/01-start.md:7: file: `exists: false` cannot go with `contains` or `matches`");
        assertThat(problems("container: {image: nginx}"))
                .containsExactly("labs/demo/01-start.md:7: container: missing parameter `name`");
        assertThat(problems("container: {name: \"db; rm -rf /\"}"))
                .containsExactly("labs/demo/01-start.md:7: container.name: `db; rm -rf /` is not a Docker name");
        assertThat(problems("file: {path: /x, container: -v}"))
                .containsExactly("labs/demo/01-start.md:7: file.container: `-v` is not a Docker name");
        assertThat(problems("answer: {prompt: x}")).singleElement().asString()
                .startsWith("labs/demo/01-start.md:7: answer: missing parameter `value`");
        assertThat(problems("answer: {prompt: x, value: {pidOf: x}, normalize: decimal}"))
                .containsExactly("labs/demo/01-start.md:7: answer.normalize: must be int, hex or text, not `decimal`");
        assertThat(problems("script: {timeout: 0}")).containsExactly(
                "labs/demo/01-start.md:7: script: missing parameter `run`",
                "labs/demo/01-start.md:7: script.timeout: must be between 1 and 300 seconds");
        assertThat(problems("http: {port: 70000, status: 99}")).containsExactly(
                "labs/demo/01-start.md:7: http.port: 70000 is not a TCP port (1-65535)",
                "labs/demo/01-start.md:7: http.status: 99 is not an HTTP status");
    }

    @Test
    void parseThrowsWithEveryProblem() {
        assertThatThrownBy(() -> parser.parse(condition("volume: {nme: data}", "labs/x/02-b.md:12")))
                .isInstanceOf(ConditionException.class)
                .hasMessage("labs/x/02-b.md:12: volume: unknown parameter `nme` (known: name);"
                        + " labs/x/02-b.md:12: volume: missing parameter `name`");
    }

    @Test
    void validConditionsHaveNoProblems() {
        assertThat(problems("process: {command: sleep}")).isEmpty();
    }
}
