package io.isolab.workshops;

import io.isolab.accounts.AccountService;
import io.isolab.accounts.Role;
import io.isolab.testing.LearnerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A browser over real HTTP signed in with a fresh account of the given role: posts forms (with CSRF), reads pages. */
class Instructor {
    private final LearnerClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Instructor(LearnerClient client) {
        this.client = client;
    }

    /** Signs in a new INSTRUCTOR account. */
    static Instructor signIn(int port, AccountService accounts) {
        return signIn(port, accounts, Role.INSTRUCTOR);
    }

    static Instructor signIn(int port, AccountService accounts, Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "workshop-pass", role);
        LearnerClient client = new LearnerClient(port);
        HttpResponse<String> signedIn = client.form("/login", "username", name, "password", "workshop-pass");
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in of " + name + " failed: " + signedIn.statusCode());
        }
        return new Instructor(client);
    }

    /** Not signed in at all. */
    static Instructor anonymous(int port) {
        return new Instructor(new LearnerClient(port));
    }

    HttpResponse<String> get(String path) {
        return client.get(path);
    }

    /** Posts an HTML form; a list value becomes a repeated field (checkboxes). */
    HttpResponse<String> form(String path, Map<String, Object> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                pairs.add(name);
                pairs.add(String.valueOf(v));
            }
        });
        return client.form(path, pairs.toArray(String[]::new));
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

    /** Opens a WebSocket at {@code path} with this browser's cookies; throws {@link Refused} on a refused upgrade. */
    WebSocket socket(String path, WebSocket.Listener listener) throws Refused {
        var builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        List<String> cookies = new ArrayList<>();
        if (client.learner() != null) cookies.add("isolab_learner=" + client.learner());
        if (client.session() != null) cookies.add("JSESSIONID=" + client.session());
        if (!cookies.isEmpty()) builder.header("Cookie", String.join("; ", cookies));
        try {
            return builder.buildAsync(URI.create(client.base().replace("http", "ws") + path), listener)
                    .get(30, TimeUnit.SECONDS);
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
}
