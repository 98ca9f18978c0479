package io.isolab.terminal;

import io.isolab.learner.Learner;
import io.isolab.sandbox.LabSandboxes;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets a WebSocket through only to the requesting learner's own ready sandbox; anything else gets
 * 403 before an upgrade. Puts the sandbox id, terminal name and initial size into the session.
 */
@Component
public class TerminalAccess implements HandshakeInterceptor {
    public static final String SANDBOX = "sandbox", TERMINAL = "terminal", COLS = "cols", ROWS = "rows";
    /** Optional session attribute: the agent's terminal mode (attach when absent; watch/share for instructors). */
    public static final String MODE = "mode";
    private static final Pattern PATH = Pattern.compile("/labs/([a-z0-9-]+)/terminals/([a-z0-9-]{1,32})");
    private final LabSandboxes sandboxes;

    public TerminalAccess(LabSandboxes sandboxes) {
        this.sandboxes = sandboxes;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = PATH.matcher(request.getURI().getPath());
        if (!path.matches() || !(request instanceof ServletServerHttpRequest servlet)) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        Learner learner = Learner.of(servlet.getServletRequest());
        Optional<String> sandbox = sandboxes.readyId(learner.id(), path.group(1));
        if (sandbox.isEmpty()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        attributes.put(SANDBOX, sandbox.get());
        attributes.put(TERMINAL, path.group(2));
        attributes.put(COLS, size(query.getFirst("cols"), 120, 20, 500));
        attributes.put(ROWS, size(query.getFirst("rows"), 30, 5, 200));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static int size(String value, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }
}
