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
    private static final Pattern COOKIE = Pattern.compile("isolab_learner=([^;]*)");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]*)");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String learner;
    private String session;
    private String csrf;

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
        return send(withCsrf(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a form like a browser does (with the page's CSRF token), e.g. sign-in and sign-up. */
    public HttpResponse<String> form(String path, String... nameValuePairs) {
        var body = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(nameValuePairs[i]).append('=')
                    .append(java.net.URLEncoder.encode(nameValuePairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = send(withCsrf(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        csrf = null; // sign-in and sign-out start a new session with a new token
        return response;
    }

    public HttpResponse<String> delete(String path) {
        return send(withCsrf(path).DELETE());
    }

    /** The session cookie (set once the server kept a session, e.g. for the CSRF token or a sign-in). */
    public String session() {
        return session;
    }

    /** Like a browser page script: the CSRF token from a page's meta tag, sent as X-CSRF-TOKEN. */
    private HttpRequest.Builder withCsrf(String path) {
        if (csrf == null) {
            Matcher m = CSRF.matcher(get("/").body());
            if (!m.find()) throw new IllegalStateException("No CSRF token on the catalog page");
            csrf = m.group(1);
        }
        // Built after fetching the token, so the request carries the session the token belongs to.
        return request(path).header("X-CSRF-TOKEN", csrf);
    }

    /** Opens a terminal WebSocket as this learner; returns the socket, or throws with the handshake status. */
    public WebSocket terminal(String lab, String name, WebSocket.Listener listener) throws HandshakeRefused {
        var builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        if (!cookies().isEmpty()) builder.header("Cookie", cookies());
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
        String cookies = cookies();
        if (!cookies.isEmpty()) builder.header("Cookie", cookies);
        return builder;
    }

    private String cookies() {
        var parts = new java.util.ArrayList<String>();
        if (learner != null) parts.add("isolab_learner=" + learner);
        if (session != null) parts.add("JSESSIONID=" + session);
        return String.join("; ", parts);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("set-cookie").forEach(c -> {
                Matcher m = COOKIE.matcher(c);
                if (m.find()) learner = m.group(1).isEmpty() ? null : m.group(1);
                Matcher s = SESSION.matcher(c);
                if (s.find()) session = s.group(1).isEmpty() ? null : s.group(1);
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
