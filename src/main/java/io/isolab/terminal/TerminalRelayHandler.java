package io.isolab.terminal;

import io.isolab.sandbox.AgentClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

/**
 * Relays one browser terminal WebSocket to the agent's terminal WebSocket, frames unchanged
 * (docs/agent-api.md). Backpressure in both directions comes from never having more than one frame
 * in flight: a frame from the agent is only requested after the previous one was written to the
 * browser, and a browser frame is only taken after the agent accepted the previous one.
 */
@Component
public class TerminalRelayHandler extends BinaryWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(TerminalRelayHandler.class);
    private static final String RELAY = "relay";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private final AgentClient agent;
    // Listener callbacks block while the browser is slow, so they get threads of their own.
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    public TerminalRelayHandler(AgentClient agent) {
        this.agent = agent;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession browser) throws Exception {
        var attributes = browser.getAttributes();
        URI uri = agent.terminalUri((String) attributes.get(TerminalAccess.SANDBOX),
                (String) attributes.get(TerminalAccess.TERMINAL),
                (Integer) attributes.get(TerminalAccess.COLS), (Integer) attributes.get(TerminalAccess.ROWS),
                (String) attributes.getOrDefault(TerminalAccess.MODE, "attach"));
        AgentListener relay = new AgentListener(browser);
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .header("Authorization", "Bearer " + agent.token())
                    .buildAsync(uri, relay)
                    .get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            attributes.put(RELAY, socket);
            if (!browser.isOpen()) socket.abort();   // the browser left while we were connecting
        } catch (Exception e) {
            log.info("Terminal {} of sandbox {} unreachable: {}", attributes.get(TerminalAccess.TERMINAL),
                    attributes.get(TerminalAccess.SANDBOX), e.toString());
            browser.close(new CloseStatus(4503, "sandbox unavailable: the terminal could not be reached"));
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession browser, BinaryMessage message) throws Exception {
        WebSocket socket = (WebSocket) browser.getAttributes().get(RELAY);
        if (socket == null || socket.isOutputClosed()) return;
        try {
            // Waiting here holds back further browser frames until the agent took this one.
            socket.sendBinary(message.getPayload(), true).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            browser.close(new CloseStatus(4503, "sandbox unavailable: the terminal stopped answering"));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession browser, TextMessage message) {
        // The protocol is binary only; text frames are ignored rather than guessed at.
    }

    @Override
    public void afterConnectionClosed(WebSocketSession browser, CloseStatus status) {
        WebSocket socket = (WebSocket) browser.getAttributes().remove(RELAY);
        if (socket != null) {
            // The agent keeps the shell; only this attachment ends.
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "browser left").exceptionally(e -> null);
            socket.abort();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession browser, Throwable exception) {
        if (!(exception instanceof CompletionException)) {
            log.debug("Terminal transport error: {}", exception.toString());
        }
    }
}
