package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.CgroupStats;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.ProcessInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The live state of one sandbox for one check run: every piece is fetched lazily and at most once, so
 * a step with five conditions on container {@code db} inspects it once. Process facts come from the
 * agent's probe (host /proc, cannot be faked from inside); Docker facts from the sandbox's own engine
 * through the docker CLI inside the sandbox. Once the agent is unreachable, later reads fail at once
 * with the same error instead of each waiting for a timeout.
 */
public final class SandboxView {
    static final int DOCKER_TIMEOUT = 20;
    private static final int MAX_FILE = 1 << 20;

    private final SandboxAccess access;
    private final ObjectMapper json;
    private List<ProcessInfo> processes;
    private List<String> runningImages;
    private final Map<String, Optional<CgroupStats>> cgroups = new HashMap<>();
    private final Map<String, Optional<JsonNode>> inspected = new HashMap<>();
    private AgentException down;

    public SandboxView(SandboxAccess access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    public List<ProcessInfo> processes() {
        if (processes == null) processes = call(access::processes);
        return processes;
    }

    /** The pid as the sandbox's own pid namespace numbers it (what ps in the learner's terminal shows). */
    public OptionalInt sandboxPid(ProcessInfo p) {
        return p.sandboxPid() == null ? OptionalInt.empty() : OptionalInt.of(p.sandboxPid());
    }

    public Optional<CgroupStats> cgroup(String container) {
        return cgroups.computeIfAbsent(container, c -> call(() -> access.cgroup(c)));
    }

    public Optional<JsonNode> container(String name) {
        return inspect("container", name);
    }

    public Optional<JsonNode> image(String name) {
        return inspect("image", name);
    }

    public Optional<JsonNode> network(String name) {
        return inspect("network", name);
    }

    public Optional<JsonNode> volume(String name) {
        return inspect("volume", name);
    }

    /** The image of every running container, as docker ps shows it. */
    public List<String> runningImages() {
        if (runningImages == null) {
            ExecResult r = docker("docker ps --no-trunc --format '{{.Image}}'");
            runningImages = r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return runningImages;
    }

    /** A file in the sandbox, or in an inner container when {@code container} is not null (docker cp, works stopped too). */
    public FileRead file(String container, String path) {
        String script = container == null
                ? "if [ -e " + Shell.quote(path) + " ]; then echo present; head -c " + MAX_FILE + " " + Shell.quote(path)
                  + " 2>/dev/null; else echo absent; fi"
                : "docker container inspect " + Shell.quote(container) + " >/dev/null 2>&1 || { echo no-container; exit 0; }\n"
                  + "t=$(mktemp); if docker cp -L " + Shell.quote(container + ":" + path) + " - >\"$t\" 2>/dev/null; then"
                  + " echo present; tar -xOf \"$t\" 2>/dev/null | head -c " + MAX_FILE + "; else echo absent; fi; rm -f \"$t\"";
        ExecResult r = call(() -> access.shell(script, DOCKER_TIMEOUT));
        String out = r.stdout() == null ? "" : r.stdout();
        int nl = out.indexOf('\n');
        String status = (nl < 0 ? out : out.substring(0, nl)).strip();
        String content = nl < 0 ? "" : out.substring(nl + 1);
        return switch (status) {
            case "present" -> new FileRead(true, true, content);
            case "absent" -> new FileRead(true, false, null);
            case "no-container" -> new FileRead(false, false, null);
            default -> throw new CheckException("could not read " + path + " (" + firstLine(r.stderr()) + ")");
        };
    }

    /** GET http://host:port/path with curl inside the sandbox; status 0 when nothing answered. */
    public HttpReply http(String host, int port, String path) {
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path;
        String script = "f=$(mktemp); c=$(curl -s -o \"$f\" -w '%{http_code}' -m 5 " + Shell.quote(url) + "); e=$?;"
                + " echo \"$c $e\"; head -c 65536 \"$f\"; rm -f \"$f\"";
        ExecResult r = call(() -> access.shell(script, 15));
        String out = r.stdout() == null ? "" : r.stdout();
        int nl = out.indexOf('\n');
        String[] head = (nl < 0 ? out : out.substring(0, nl)).strip().split(" ");
        try {
            return new HttpReply(Integer.parseInt(head[0]), Integer.parseInt(head[1]), nl < 0 ? "" : out.substring(nl + 1));
        } catch (RuntimeException e) {
            throw new CheckException("could not run curl in the sandbox (" + firstLine(r.stderr()) + ")");
        }
    }

    /** Whether the image's file system has {@code path}, read from a created (never started) container. */
    public boolean imageHasFile(String image, String path) {
        String script = "c=$(docker create --label isolab.check=1 --entrypoint /isolab-none " + Shell.quote(image)
                + ") || exit 3; docker cp " + "\"$c\"" + ":" + Shell.quote(path) + " - >/dev/null 2>&1; r=$?;"
                + " docker rm \"$c\" >/dev/null 2>&1; exit $r";
        ExecResult r = call(() -> access.shell(script, DOCKER_TIMEOUT));
        if (r.exitCode() == 3 || r.timedOut()) throw new CheckException("could not look into image `" + image + "` ("
                + firstLine(r.stderr()) + ")");
        return r.exitCode() == 0;
    }

    /**
     * An author's script inside the sandbox, as root, with bash as Killercoda runs verify scripts
     * (bash-isms like [[ ]] work; plain sh only where bash is missing).
     */
    public ExecResult run(String script, int timeoutSeconds) {
        String q = Shell.quote(script);
        String wrapped = "if command -v bash >/dev/null 2>&1; then exec bash -c " + q + "; else exec sh -c " + q + "; fi";
        return call(() -> access.shell(wrapped, timeoutSeconds));
    }

    private Optional<JsonNode> inspect(String type, String name) {
        return inspected.computeIfAbsent(type + ":" + name, key -> {
            ExecResult r = call(() -> access.shell("docker " + type + " inspect " + Shell.quote(name), DOCKER_TIMEOUT));
            if (!r.ok()) {
                String err = r.stderr() == null ? "" : r.stderr();
                if (err.contains("No such") || err.contains("not found")) return Optional.empty();
                throw dockerFailure(r);
            }
            try {
                JsonNode all = json.readTree(r.stdout());
                return all.isArray() && !all.isEmpty() ? Optional.of(all.get(0)) : Optional.empty();
            } catch (IOException e) {
                throw new CheckException("docker " + type + " inspect " + name + " printed no JSON");
            }
        });
    }

    private ExecResult docker(String script) {
        ExecResult r = call(() -> access.shell(script, DOCKER_TIMEOUT));
        if (!r.ok()) throw dockerFailure(r);
        return r;
    }

    private static CheckException dockerFailure(ExecResult r) {
        String err = r.stderr() == null ? "" : r.stderr();
        if (r.timedOut()) return new CheckException("the Docker engine in your sandbox did not answer in time");
        if (err.contains("Cannot connect to the Docker daemon")) {
            return new CheckException("the Docker engine in your sandbox does not answer (is dockerd running?)");
        }
        return new CheckException("docker failed in your sandbox: " + firstLine(err));
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) return "no output";
        return text.strip().lines().findFirst().orElse("");
    }

    private <T> T call(Supplier<T> read) {
        if (down != null) throw down;
        try {
            return read.get();
        } catch (AgentException e) {
            if (!e.notFound()) down = e;
            throw e;
        }
    }

    /** @param containerFound false when the inner container does not exist */
    public record FileRead(boolean containerFound, boolean exists, String content) {
    }

    /** @param status HTTP status, 0 when nothing answered; @param curlExit curl's exit code (7 refused, 28 timeout) */
    public record HttpReply(int status, int curlExit, String body) {
    }
}
