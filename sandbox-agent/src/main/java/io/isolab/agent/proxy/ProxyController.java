package io.isolab.agent.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.isolab.agent.sandbox.SandboxLookup;
import io.isolab.agent.sandbox.SandboxRef;
import io.isolab.agent.web.ApiException;

/**
 * Web preview: forwards any HTTP request to a port inside a sandbox and streams the answer back.
 * The agent token and hop-by-hop headers are not forwarded: the sandbox is learner-controlled.
 */
@RestController
public class ProxyController {

    private static final Set<String> NOT_FORWARDED = caseInsensitive(
            "authorization", "host", "connection", "content-length", "expect", "upgrade", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "http2-settings");

    private final SandboxLookup sandboxes;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public ProxyController(SandboxLookup sandboxes) {
        this.sandboxes = sandboxes;
    }

    @RequestMapping("/api/v1/sandboxes/{id}/proxy/{port}/**")
    public void proxy(@PathVariable String id, @PathVariable int port, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        SandboxRef ref = sandboxes.find(id).orElseThrow(() -> ApiException.notFound(id));
        if (port < 1 || port > 65535) {
            throw ApiException.badRequest("Port must be between 1 and 65535.");
        }
        if (ref.ip() == null) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "no-network", "Sandbox " + id + " has no network address.");
        }
        sandboxes.touch(id);
        HttpResponse<InputStream> answer = send(forwardRequest(ref, port, request), id, port);
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name) && !name.startsWith(":")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush(); // stream: a slow or endless answer reaches the browser as it comes
            }
        }
    }

    private HttpRequest forwardRequest(SandboxRef ref, int port, HttpServletRequest request) throws IOException {
        String prefix = request.getContextPath() + "/api/v1/sandboxes/" + ref.id() + "/proxy/" + port;
        String rest = request.getRequestURI().substring(Math.min(prefix.length(), request.getRequestURI().length()));
        if (rest.isEmpty()) {
            rest = "/";
        }
        String query = stripToken(request.getQueryString());
        URI target = URI.create("http://" + ref.ip() + ":" + port + rest + (query.isEmpty() ? "" : "?" + query));
        InputStream body = request.getInputStream();
        long length = request.getContentLengthLong();
        HttpRequest.BodyPublisher publisher;
        if (length > 0) {
            publisher = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length);
        } else if (request.getHeader("Transfer-Encoding") != null) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body); // chunked in, chunked out
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(target).method(request.getMethod(), publisher);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name)) {
                for (String v : Collections.list(request.getHeaders(name))) {
                    b.header(name, v);
                }
            }
        }
        return b.build();
    }

    private HttpResponse<InputStream> send(HttpRequest req, String id, int port) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "nothing-listening",
                    "Nothing listens on port " + port + " in sandbox " + id + ".");
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "proxy-failed",
                    "Port " + port + " in sandbox " + id + " did not answer properly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The agent is shutting down.");
        }
    }

    /** The agent token may come as ?token= on WebSocket upgrades; never hand it to the sandbox. */
    static String stripToken(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return String.join("&", List.of(query.split("&")).stream().filter(p -> !p.startsWith("token=")).toList());
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
