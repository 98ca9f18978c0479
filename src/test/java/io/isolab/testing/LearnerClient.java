package io.isolab.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One anonymous learner talking to a running Isolab over real HTTP, keeping its isolab_learner cookie. */
public class LearnerClient {
    private static final Pattern COOKIE = Pattern.compile("isolab_learner=([^;]+)");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String learner;

    public LearnerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public LearnerClient(int port, String learner) {
        this(port);
        this.learner = learner;
    }

    public String learner() {
        return learner;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        // Like a browser: pages (and error pages) come as HTML.
        return send(request(path).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts an HTML form ({@code a=1&b=2}, already encoded). */
    public HttpResponse<String> postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Opens a terminal WebSocket as this learner; returns the socket, or throws with the handshake status. */
    public WebSocket terminal(String lab, String name, WebSocket.Listener listener) throws HandshakeRefused {
        var builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        if (learner != null) builder.header("Cookie", "isolab_learner=" + learner);
        try {
            return builder.buildAsync(URI.create(base.replace("http", "ws") + "/labs/" + lab + "/terminals/" + name
                    + "?cols=100&rows=30"), listener).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("WebSocket to " + lab + "/" + name + " failed", e);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket to " + lab + "/" + name + " failed", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (learner != null) builder.header("Cookie", "isolab_learner=" + learner);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("set-cookie").forEach(c -> {
                Matcher m = COOKIE.matcher(c);
                if (m.find()) learner = m.group(1);
            });
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server refused a WebSocket upgrade with this HTTP status. */
    public static class HandshakeRefused extends Exception {
        public final int status;

        HandshakeRefused(int status) {
            super("WebSocket handshake refused with HTTP " + status);
            this.status = status;
        }
    }
}
