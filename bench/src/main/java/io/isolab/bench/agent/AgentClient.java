package io.isolab.bench.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few agent API calls the benchmarks need (docs/agent-api.md). */
public final class AgentClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public AgentClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public int port() {
        return URI.create(base).getPort();
    }

    public String token() {
        return token;
    }

    /** Health, or null while the agent does not answer yet. */
    public JsonNode healthOrNull() {
        try {
            return call("GET", "/api/v1/health", null, 200);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public JsonNode capacity() {
        return call("GET", "/api/v1/capacity", null, 200);
    }

    /** POST /sandboxes: returns once the sandbox is ready (the agent's contract). */
    public JsonNode create(String session) {
        return call("POST", "/api/v1/sandboxes", "{\"session\":\"" + session + "\"}", 201);
    }

    /** The sandboxes with a session (warm-pool ones are not listed). */
    public JsonNode list() {
        return call("GET", "/api/v1/sandboxes", null, 200);
    }

    public void delete(String id) {
        call("DELETE", "/api/v1/sandboxes/" + id, null, 204);
    }

    private JsonNode call(String method, String path, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
