package io.isolab.preview;

import io.isolab.learner.Learner;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.LabSandboxes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Web preview of a port inside the learner's own sandbox, through the agent's proxy. Path-based
 * ({@code /labs/{lab}/preview/{port}/...}) so relative links of the previewed site keep working.
 * The learner's cookie is not forwarded: the sandbox never sees it.
 */
@Controller
public class PreviewController {
    private static final Set<String> REQUEST_HEADERS = Set.of("accept", "accept-language", "content-type",
            "if-none-match", "if-modified-since", "range", "user-agent");
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "cache-control", "etag",
            "last-modified", "content-range", "accept-ranges", "location", "content-disposition");
    private final AgentClient agent;
    private final LabSandboxes sandboxes;

    public PreviewController(AgentClient agent, LabSandboxes sandboxes) {
        this.agent = agent;
        this.sandboxes = sandboxes;
    }

    @RequestMapping("/labs/{lab}/preview/{port:\\d{1,5}}")
    public void root(@PathVariable String lab, @PathVariable int port, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        // Without the slash, relative links would resolve one level too high.
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.sendRedirect(request.getRequestURI() + "/" + query);
    }

    @RequestMapping("/labs/{lab}/preview/{port:\\d{1,5}}/**")
    public void proxy(@PathVariable String lab, @PathVariable int port, Learner learner,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> sandbox = sandboxes.readyId(learner.id(), lab);
        if (sandbox.isEmpty() || port > 65535) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "No running sandbox of yours for this lab.");
            return;
        }
        String prefix = "/labs/" + lab + "/preview/" + port;
        String rest = request.getRequestURI().substring(request.getContextPath().length() + prefix.length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpResponse<InputStream> upstream;
        try {
            upstream = agent.http().send(forward(request, agent.proxyUri(sandbox.get(), port, rest + query)),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "The sandbox did not answer on port " + port + ".");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(upstream.statusCode());
        upstream.headers().map().forEach((name, values) -> {
            if (!RESPONSE_HEADERS.contains(name.toLowerCase())) return;
            for (String value : values) {
                response.addHeader(name, name.equalsIgnoreCase("location")
                        ? relocate(value, prefix, request.getHeader("Host")) : value);
            }
        });
        try (InputStream in = upstream.body(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private HttpRequest forward(HttpServletRequest request, URI target) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + agent.token());
        var names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (REQUEST_HEADERS.contains(name.toLowerCase())) builder.header(name, request.getHeader(name));
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(request.getMethod(), publisher).build();
    }

    /**
     * A redirect inside the sandbox must stay inside the preview: "/x" and absolute URLs naming the
     * sandbox's own address (nginx's directory redirects) both become prefix + path.
     */
    static String relocate(String location, String prefix, String ourHost) {
        if (location.startsWith("/") && !location.startsWith("//")) return prefix + location;
        try {
            URI uri = URI.create(location);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getRawAuthority() == null || uri.getRawAuthority().equalsIgnoreCase(ourHost)) return location;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return prefix + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
