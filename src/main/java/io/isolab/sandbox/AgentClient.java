package io.isolab.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The web app's only way to the sandbox agent (docs/agent-api.md). Every failure becomes an
 * {@link AgentException} with a message a learner can read; nothing here blocks longer than the
 * configured timeouts.
 */
@Component
public class AgentClient {
    private final AgentProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    public AgentClient(AgentProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public SandboxInfo create(String session, SandboxInfo.Limits limits, Integer ttlSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session);
        if (limits != null) body.put("limits", limits);
        if (ttlSeconds != null) body.put("ttlSeconds", ttlSeconds);
        return call("POST", "/api/v1/sandboxes", body, properties.startTimeout(), SandboxInfo.class);
    }

    public Optional<SandboxInfo> get(String id) {
        try {
            return Optional.of(call("GET", "/api/v1/sandboxes/" + id, null, properties.timeout(), SandboxInfo.class));
        } catch (AgentException e) {
            if (e.notFound()) return Optional.empty();
            throw e;
        }
    }

    public List<SandboxInfo> list() {
        return call("GET", "/api/v1/sandboxes", null, properties.timeout(), new TypeReference<>() { });
    }

    public void delete(String id) {
        try {
            call("DELETE", "/api/v1/sandboxes/" + id, null, properties.startTimeout(), JsonNode.class);
        } catch (AgentException e) {
            if (!e.notFound()) throw e;
        }
    }

    public SandboxInfo extend(String id, int seconds) {
        return call("POST", "/api/v1/sandboxes/" + id + "/extend", Map.of("seconds", seconds),
                properties.timeout(), SandboxInfo.class);
    }

    public ExecResult exec(String id, List<String> command, int timeoutSeconds) {
        return exec(id, command, timeoutSeconds, null);
    }

    /** Runs {@code command} inside the sandbox with {@code stdin} (may be null) as its standard input. */
    public ExecResult exec(String id, List<String> command, int timeoutSeconds, String stdin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", command);
        body.put("timeoutSeconds", timeoutSeconds);
        if (stdin != null) body.put("stdin", stdin);
        return call("POST", "/api/v1/sandboxes/" + id + "/exec", body,
                Duration.ofSeconds(timeoutSeconds + 10L), ExecResult.class);
    }

    /** Runs {@code script} with {@code sh -c} inside the sandbox. */
    public ExecResult shell(String id, String script, int timeoutSeconds) {
        return exec(id, List.of("sh", "-c", script), timeoutSeconds);
    }

    public List<ProcessInfo> processes(String id) {
        return call("GET", "/api/v1/sandboxes/" + id + "/processes", null, properties.timeout(),
                new TypeReference<>() { });
    }

    public Optional<CgroupStats> cgroup(String id, String container) {
        try {
            return Optional.of(call("GET", "/api/v1/sandboxes/" + id + "/containers/"
                    + URLEncoder.encode(container, StandardCharsets.UTF_8) + "/cgroup", null,
                    properties.timeout(), CgroupStats.class));
        } catch (AgentException e) {
            if (e.notFound()) return Optional.empty();
            throw e;
        }
    }

    public Capacity capacity() {
        return call("GET", "/api/v1/capacity", null, properties.timeout(), Capacity.class);
    }

    public PoolStatus pool() {
        return call("GET", "/api/v1/pool", null, properties.timeout(), PoolStatus.class);
    }

    /** Sets the warm pool's target; the answer has the target in effect (capped by capacity). */
    public PoolStatus pool(int target) {
        return call("PUT", "/api/v1/pool", Map.of("target", target), properties.timeout(), PoolStatus.class);
    }

    /** The sandbox's running terminals; empty when the sandbox is gone. */
    public List<TerminalInfo> terminals(String id) {
        try {
            return call("GET", "/api/v1/sandboxes/" + id + "/terminals", null, properties.timeout(),
                    new TypeReference<>() { });
        } catch (AgentException e) {
            if (e.notFound()) return List.of();
            throw e;
        }
    }

    /** ws:// address of a terminal, token included; used by the relay, never shown to a browser. */
    public URI terminalUri(String id, String name, int cols, int rows) {
        return terminalUri(id, name, cols, rows, "attach");
    }

    /** The same for a watcher: {@code mode} is attach, watch (read-only) or share (input typed in). */
    public URI terminalUri(String id, String name, int cols, int rows, String mode) {
        String base = properties.url().toString().replaceFirst("^http", "ws");
        return URI.create(base + "/api/v1/sandboxes/" + id + "/terminals/" + name
                + "?cols=" + cols + "&rows=" + rows + ("attach".equals(mode) ? "" : "&mode=" + mode));
    }

    /** http:// base of a sandbox port behind the agent's proxy (web preview). */
    public URI proxyUri(String id, int port, String pathAndQuery) {
        return URI.create(properties.url() + "/api/v1/sandboxes/" + id + "/proxy/" + port + pathAndQuery);
    }

    public String token() {
        return properties.token();
    }

    public HttpClient http() {
        return http;
    }

    private <T> T call(String method, String path, Object body, Duration timeout, Class<T> type) {
        return json.convertValue(send(method, path, body, timeout), type);
    }

    private <T> T call(String method, String path, Object body, Duration timeout, TypeReference<T> type) {
        return json.convertValue(send(method, path, body, timeout), type);
    }

    private JsonNode send(String method, String path, Object body, Duration timeout) {
        HttpResponse<String> response;
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url() + path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + properties.token())
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgentException("The sandbox service is unavailable right now (" + e.getClass().getSimpleName()
                    + "). Try again in a moment.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("Interrupted while waiting for the sandbox service.", e);
        }
        JsonNode node = parse(response.body());
        if (response.statusCode() >= 400) {
            String code = node.path("error").asText("agent-error");
            String message = node.path("message").asText("The sandbox service answered " + response.statusCode() + ".");
            throw new AgentException(code, response.statusCode(), message);
        }
        return node;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return json.nullNode();
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.nullNode();
        }
    }
}
