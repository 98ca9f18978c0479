package io.isolab.selfhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker-compose.yml, checked without Docker: valid Compose, every setting it passes to the web
 * app and the agent is one they read (found in their sources), the required ones are given, and
 * the agent gets what it needs from the host. Each kind of mistake is shown to be caught on a
 * broken copy, so these checks can fail.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Map<String, String> DOT_ENV = Map.of("ISOLAB_AGENT_TOKEN", "test-token");
    static final Map<String, List<String>> REQUIRED = Map.of(
            "agent", List.of("isolab.agent.token"),
            "web", List.of("isolab.agent.token", "isolab.agent.url"));

    static String text;
    static KnownSettings boot;

    @BeforeAll
    static void load() throws IOException {
        text = Files.readString(COMPOSE);
        boot = BootSettings.load();
    }

    static List<String> problems(String yaml) {
        ComposeFile compose = ComposeFile.parse(yaml, COMPOSE.toAbsolutePath().getParent());
        List<String> all = new ArrayList<>(ComposeValidator.check(compose, DOT_ENV));
        all.addAll(new SettingsCheck(compose, boot).check(REQUIRED));
        return all;
    }

    @Test
    void isValidAndPassesOnlySettingsTheAppsRead() {
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void settingsAreFoundInBothProjects() {
        SettingsCheck check = new SettingsCheck(ComposeFile.load(COMPOSE), boot);
        KnownSettings agent = check.settings(Path.of("sandbox-agent").toAbsolutePath());
        KnownSettings web = check.settings(Path.of("").toAbsolutePath());
        // record components, nested records, @Value keys, properties placeholders, Boot's metadata
        assertThat(agent.readsAll(List.of("isolab.agent.state-dir", "ISOLAB_AGENT_STATEDIR", "isolab.agent.limits.memory-mib",
                "isolab.agent.pool.size", "isolab.agent.proc-root", "ISOLAB_AGENT_TOKEN", "server.address"))).isTrue();
        assertThat(agent.reads("isolab.agent.url")).isFalse();
        assertThat(web.readsAll(List.of("ISOLAB_AGENT_URL", "isolab.agent.start-timeout", "ISOLAB_LABS_DIR",
                "ISOLAB_DB_PASSWORD", "SPRING_DATASOURCE_URL", "logging.level.io.isolab"))).isTrue();
        assertThat(web.reads("ISOLAB_AGENT_START_TIMEOUT")).as("binds isolab.agent.start.timeout").isFalse();
        assertThat(web.reads("isolab.agent.state-dir")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        agent argument nobody reads     | --isolab.agent.state-dir=    | --isolab.agent.statedirectory=    | reads no setting isolab.agent.statedirectory
        web variable nobody reads       | ISOLAB_LABS_DIR:             | ISOLAB_LAB_DIR:                   | reads no setting isolab.lab.dir
        dashed name as variable         | SERVER_PORT: "8080"          | ISOLAB_AGENT_START_TIMEOUT: 90s   | reads no setting isolab.agent.start.timeout
        web setting given to the agent  | - --server.port=7070         | - --isolab.agent.url=http://x     | reads no setting isolab.agent.url
        agent token missing             | ISOLAB_AGENT_TOKEN: ${ISOLAB_AGENT_TOKEN:?set ISOLAB_AGENT_TOKEN in .env (see .env.example)}\\n    command: | command: | required setting isolab.agent.token is not given
        undeclared named volume         | "  web-data:\\n"              | ""                                | named volume web-data is not declared
        bad port                        | 127.0.0.1:5000:5000          | 127.0.0.1:5000:50x0               | bad port
        port out of range               | 127.0.0.1:5000:5000          | 127.0.0.1:5000:70000              | port out of range
        bad interpolation               | ${ISOLAB_DB_PORT:-5432}/isolab | ${ISOLAB_DB_PORT:-5432/isolab   | invalid interpolation
        unknown capability              | - SYS_PACCT                  | - SYS_PACKET                      | unknown capability SYS_PACKET
        unknown service key             | "    cgroup: host\\n"         | "    cgroupns: host\\n"          | unknown key cgroupns
        dependency without healthcheck  | "    healthcheck:\\n      test: [\\"CMD\\", \\"curl\\", \\"-fsS\\", \\"-o\\", \\"/dev/null\\", \\"http://127.0.0.1:5000/v2/\\"]" | "    x-no-healthcheck:\\n      test: [\\"CMD\\"]" | registry has no healthcheck
        service without image or build  | "    image: postgres:15-bookworm\\n" | ""                           | needs image or build
        """)
    void brokenCopiesAreCaught(String mistake, String from, String to, String expected) {
        String f = unescape(from);
        assertThat(text).as("the broken copy starts from a real line").contains(f);
        String broken = text.replaceFirst(Pattern.quote(f), Matcher.quoteReplacement(unescape(to)));
        assertThat(problems(broken)).as(mistake).anyMatch(p -> p.contains(expected));
    }

    private static String unescape(String s) {
        String v = s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        return v.replace("\\n", "\n").replace("\\\"", "\"");
    }

    @Test
    void agentGetsWhatItNeedsFromTheHost() throws IOException {
        Map<String, Object> agent = ComposeFile.load(COMPOSE).service("agent");
        assertThat(agent.get("privileged")).as("privileged fails on hosts lacking a capability").isNull();
        assertThat(agent).containsEntry("pid", "host").containsEntry("cgroup", "host").containsEntry("network_mode", "host");
        assertThat(ComposeFile.list(agent.get("security_opt"))).contains("seccomp=unconfined", "apparmor=unconfined");
        assertThat(ComposeFile.list(agent.get("devices"))).contains("/dev/loop-control:/dev/loop-control");
        assertThat(ComposeFile.list(agent.get("device_cgroup_rules"))).contains("b 7:* rmw");
        List<Object> volumes = ComposeFile.list(agent.get("volumes"));
        assertThat(volumes).contains("/var/run/docker.sock:/var/run/docker.sock");
        assertThat(volumes).anySatisfy(v -> {
            Map<String, Object> m = ComposeFile.map(v);
            assertThat(m).containsEntry("source", "/var/lib/isolab").containsEntry("target", "/var/lib/isolab");
            assertThat(ComposeFile.map(m.get("bind"))).containsEntry("propagation", "rshared");
        });
        assertThat(ComposeFile.command(agent)).anyMatch(a -> a.startsWith("--isolab.agent.state-dir=/var/lib/isolab/"));
        // Docker shows a container only its own cgroup subtree at /sys/fs/cgroup: the host's goes elsewhere.
        assertThat(volumes).contains("/sys/fs/cgroup:/host/sys/fs/cgroup:ro");
        assertThat(ComposeFile.command(agent)).contains("--isolab.agent.cgroup-root=/host/sys/fs/cgroup");
        // The agent hands its own bounding set to sandboxes: every capability scripts/lib.sh
        // gives a sandbox, except SYS_RESOURCE (missing on hosts like this one).
        Set<String> sandboxCaps = libShCapabilities();
        sandboxCaps.remove("SYS_RESOURCE");
        assertThat(new LinkedHashSet<>(ComposeFile.list(agent.get("cap_add")))).isEqualTo(sandboxCaps);
    }

    private static Set<String> libShCapabilities() throws IOException {
        Matcher m = Pattern.compile("names=\\(([^)]*)\\)").matcher(Files.readString(Path.of("scripts/lib.sh")));
        assertThat(m.find()).as("capability names in scripts/lib.sh").isTrue();
        return new LinkedHashSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    @Test
    void webAndAgentAgree() {
        ComposeFile compose = ComposeFile.load(COMPOSE);
        Map<String, String> webEnv = ComposeFile.environment(compose.service("web"));
        Map<String, String> agentEnv = ComposeFile.environment(compose.service("agent"));
        assertThat(webEnv.get("ISOLAB_AGENT_TOKEN")).startsWith("${ISOLAB_AGENT_TOKEN")
                .isEqualTo(agentEnv.get("ISOLAB_AGENT_TOKEN"));
        String agentPort = ComposeFile.command(compose.service("agent")).stream()
                .filter(a -> a.startsWith("--server.port=")).findFirst().orElseThrow().substring("--server.port=".length());
        assertThat(webEnv.get("ISOLAB_AGENT_URL")).isEqualTo("http://127.0.0.1:" + agentPort);
        assertThat(String.valueOf(compose.service("agent").get("healthcheck"))).contains("127.0.0.1:" + agentPort + "/");
        // The H2 file (relative to the working directory) lives in a named volume.
        Map<String, Object> web = compose.service("web");
        assertThat(ComposeFile.list(web.get("volumes"))).contains("web-data:" + web.get("working_dir"));
        assertThat(webEnv.get("SPRING_PROFILES_ACTIVE")).isEqualTo("${ISOLAB_DB:-h2}");
        assertThat(Path.of("src/main/resources/application-postgres.properties")).isRegularFile();
    }

    @Test
    void variablesAreExplainedInEnvExample() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        ComposeValidator.strings(ComposeFile.load(COMPOSE).root()).forEach(s ->
                Interpolation.uses(s, p -> { }).forEach(u -> used.add(u.name())));
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(Files.readString(Path.of(".env.example")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        documented.removeIf(n -> n.startsWith("COMPOSE_"));
        assertThat(documented).isEqualTo(used);
    }

    @Test
    void bothAppsUseTheSameSpringBoot() throws IOException {
        // BootSettings reads Boot's metadata from this project's classpath for the agent too.
        Pattern parent = Pattern.compile("<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>");
        Matcher web = parent.matcher(Files.readString(Path.of("pom.xml")));
        Matcher agent = parent.matcher(Files.readString(Path.of("sandbox-agent/pom.xml")));
        assertThat(web.find() && agent.find()).isTrue();
        assertThat(agent.group(1)).isEqualTo(web.group(1));
    }

    @Test
    void dockerComposeAcceptsIt() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "neither `docker compose` nor docker-compose on this machine");
        List<String> cmd = new ArrayList<>(compose);
        cmd.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(DOT_ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not installed
            }
        }
        return null;
    }
}
