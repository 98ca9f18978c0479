package io.isolab.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.isolab.agent.AgentApplication;

/**
 * A real agent in the test JVM, on a real Docker engine, with its own name and state directory,
 * so tests never touch other agents' sandboxes. {@link #cleanUp()} removes everything it created.
 */
public final class TestAgent {

    public static final String TOKEN = "test-token-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Path stateDir;
    private final Map<String, String> extra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ConfigurableApplicationContext context;

    public record Answer(int status, JsonNode json, String body) {
    }

    public TestAgent(String name, int port, Map<String, String> extra) {
        this.name = name + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        this.port = port;
        this.stateDir = Path.of(System.getProperty("java.io.tmpdir"), "isolab-agent-test", this.name);
        this.extra = extra;
    }

    public static void requireImage() {
        assertThat(Path.of("/work/lab-node.ready"))
                .as("the lab-node image (images/lab-node/build.sh) must be built before these tests")
                .exists();
    }

    public String name() {
        return name;
    }

    public Path stateDir() {
        return stateDir;
    }

    public void start() {
        start(Map.of());
    }

    /** Starts with extra properties on top of the constructor's (e.g. a short idle timeout after a restart). */
    public void start(Map<String, String> overrides) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", port);
        props.put("isolab.agent.token", TOKEN);
        props.put("isolab.agent.name", name);
        props.put("isolab.agent.state-dir", stateDir.toString());
        props.put("isolab.agent.pool.size", 0);
        props.put("isolab.agent.limits.disk-mib", 1024);
        props.put("isolab.agent.limits.memory-mib", 512);
        props.put("isolab.agent.start-timeout", "120s");
        props.putAll(extra);
        props.putAll(overrides);
        // as command-line arguments: they must beat application.properties (builder properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(AgentApplication.class).run(args);
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Answer call(String method, String path, Object body) {
        return call(method, path, body, TOKEN);
    }

    public Answer call(String method, String path, Object body, String token) {
        return call(method, path, body, token, Map.of());
    }

    public Answer call(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(180))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? null : parse(r.body());
            return new Answer(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    public JsonNode createSandbox(Map<String, Object> body) {
        Answer a = call("POST", "/api/v1/sandboxes", body);
        assertThat(a.status()).as("create sandbox: %s", a.body()).isEqualTo(201);
        return a.json();
    }

    /** Runs a command in the sandbox and returns the exec result JSON. */
    public JsonNode exec(String id, int timeoutSeconds, String script) {
        Answer a = call("POST", "/api/v1/sandboxes/" + id + "/exec",
                Map.of("command", List.of("sh", "-c", script), "timeoutSeconds", timeoutSeconds));
        assertThat(a.status()).as("exec %s: %s", script, a.body()).isEqualTo(200);
        return a.json();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Host-side command for assertions and cleanup (docker CLI, umount). */
    public static String sh(String script) {
        try {
            Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> containerNames(boolean all) {
        String out = sh("docker ps " + (all ? "-a " : "") + "--filter label=io.isolab.agent=" + name + " --format '{{.Names}}'");
        return out.isEmpty() ? List.of() : new ArrayList<>(List.of(out.split("\n")));
    }

    /** Stops the agent and removes every container, mount and directory of this agent name. */
    public void cleanUp() {
        stop();
        sh("docker ps -aq --filter label=io.isolab.agent=" + name + " | xargs -r docker rm -f");
        sh("grep -o ' " + stateDir + "/[^ ]*' /proc/self/mountinfo | xargs -r -n1 umount -l");
        sh("rm -rf --one-file-system '" + stateDir + "'");
    }

    public static boolean exists(Path p) {
        return Files.exists(p);
    }
}
