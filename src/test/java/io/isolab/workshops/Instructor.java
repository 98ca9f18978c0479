package io.isolab.workshops;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An instructor's browser over real HTTP: posts forms, reads pages and JSON. */
class Instructor {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Instructor(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts an HTML form; a list value becomes a repeated field (checkboxes). */
    HttpResponse<String> form(String path, Map<String, Object> fields) {
        String body = fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof List<?> list ? list.stream() : java.util.stream.Stream.of(e.getValue()))
                        .map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Creates a workshop and returns its id (from the redirect to its roster page). */
    long create(Map<String, Object> fields) {
        HttpResponse<String> created = form("/instructor/workshops", fields);
        if (created.statusCode() != 302) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        String location = created.headers().firstValue("location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Opens a WebSocket at {@code path}; throws {@link Refused} with the HTTP status of a refused upgrade. */
    WebSocket socket(String path, WebSocket.Listener listener) throws Refused {
        try {
            return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(URI.create(base.replace("http", "ws") + path), listener).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("WebSocket " + path + " failed", e);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket " + path + " failed", e);
        }
    }

    static class Refused extends Exception {
        final int status;

        Refused(int status) {
            super("WebSocket upgrade refused with HTTP " + status);
            this.status = status;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
