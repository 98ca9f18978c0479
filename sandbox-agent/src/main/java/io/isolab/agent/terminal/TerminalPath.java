package io.isolab.agent.terminal;

import io.isolab.agent.pty.PtySize;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a terminal WebSocket URL asks for: {@code /api/v1/sandboxes/{id}/terminals/{name}?cols=&rows=}. */
record TerminalPath(String sandboxId, String name, PtySize size) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern SANDBOX_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    static Optional<TerminalPath> parse(URI uri) {
        if (uri == null) {
            return Optional.empty();
        }
        UriComponents parts = UriComponentsBuilder.fromUri(uri).build();
        List<String> segments = parts.getPathSegments();
        int at = segments.indexOf("sandboxes");
        if (at < 0 || segments.size() != at + 4 || !"terminals".equals(segments.get(at + 2))) {
            return Optional.empty();
        }
        String id = segments.get(at + 1);
        String name = segments.get(at + 3);
        if (!SANDBOX_ID.matcher(id).matches() || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        int cols = number(parts.getQueryParams().getFirst("cols"), PtySize.DEFAULT.cols());
        int rows = number(parts.getQueryParams().getFirst("rows"), PtySize.DEFAULT.rows());
        return Optional.of(new TerminalPath(id, name, new PtySize(cols, rows)));
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
