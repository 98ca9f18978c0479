package io.isolab.agent.terminal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.agent.pty.PtySize;
import io.isolab.agent.sandbox.SandboxLookup;
import io.isolab.agent.sandbox.SandboxRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Bridges one terminal WebSocket to a {@link Terminal}: attach, input, resize, pause, resume. */
@Component
public class TerminalSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(TerminalSocketHandler.class);
    private static final String TERMINAL = "isolab.terminal";
    private static final String VIEWER = "isolab.viewer";
    /** A viewer that takes longer than this to accept a frame is dropped (the shell keeps running). */
    private static final int SEND_TIME_LIMIT_MS = 20_000;
    /** Frames queued behind a concurrent send; the reader sends one at a time, so this stays small. */
    private static final int SEND_BUFFER_LIMIT = 512 * 1024;
    static final long TOUCH_INTERVAL_MS = 30_000;

    private final SandboxLookup sandboxes;
    private final Terminals terminals;
    private final ObjectMapper json;

    public TerminalSocketHandler(SandboxLookup sandboxes, Terminals terminals, ObjectMapper json) {
        this.sandboxes = sandboxes;
        this.terminals = terminals;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Optional<TerminalPath> path = TerminalPath.parse(session.getUri());
        if (path.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("bad terminal name: use [a-z0-9-]{1,32}"));
            return;
        }
        Optional<SandboxRef> sandbox = sandboxes.find(path.get().sandboxId());
        if (sandbox.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("no such sandbox"));
            return;
        }
        sandboxes.touch(sandbox.get().id());
        Terminal terminal;
        try {
            terminal = terminals.open(sandbox.get(), path.get().name(), path.get().size());
        } catch (IOException e) {
            log.warn("could not start a shell in sandbox {}: {}", sandbox.get().id(), e.getMessage());
            session.close(CloseStatus.SERVER_ERROR.withReason("could not start a shell"));
            return;
        }
        var viewer = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        session.getAttributes().put(TERMINAL, terminal);
        session.getAttributes().put(VIEWER, viewer);
        terminal.attach(viewer);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        handle(session, message.getPayload());
    }

    /** The contract says binary, but text frames with the same prefix are accepted too (easier to debug). */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        handle(session, ByteBuffer.wrap(message.getPayload().getBytes(StandardCharsets.UTF_8)));
    }

    private void handle(WebSocketSession session, ByteBuffer payload) throws IOException {
        Terminal terminal = (Terminal) session.getAttributes().get(TERMINAL);
        WebSocketSession viewer = (WebSocketSession) session.getAttributes().get(VIEWER);
        if (terminal == null || !payload.hasRemaining()) {
            return;
        }
        byte command = payload.get();
        byte[] body = new byte[payload.remaining()];
        payload.get(body);
        switch (command) {
            case TerminalFrame.INPUT_OUTPUT -> {
                terminal.input(body, 0, body.length);
                if (terminal.touchDue(System.currentTimeMillis(), TOUCH_INTERVAL_MS)) {
                    sandboxes.touch(terminal.sandboxId());
                }
            }
            case TerminalFrame.RESIZE -> resize(terminal, body);
            case TerminalFrame.PAUSE -> terminal.pause(viewer);
            case TerminalFrame.RESUME -> terminal.resume(viewer);
            default -> log.debug("terminal {}: unknown command byte {}", terminal.name(), command);
        }
    }

    private void resize(Terminal terminal, byte[] body) {
        try {
            Resize size = json.readValue(body, Resize.class);
            terminal.resize(new PtySize(size.cols(), size.rows()));
        } catch (IOException e) {
            log.debug("terminal {}: bad resize {}", terminal.name(), new String(body, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Terminal terminal = (Terminal) session.getAttributes().get(TERMINAL);
        WebSocketSession viewer = (WebSocketSession) session.getAttributes().get(VIEWER);
        if (terminal != null) {
            terminal.detach(viewer);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("terminal socket error: {}", exception.getMessage());
    }

    private record Resize(int cols, int rows) {
    }
}
