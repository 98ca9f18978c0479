package io.isolab.workshops;

import io.isolab.terminal.TerminalAccess;
import io.isolab.terminal.TerminalRelayHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * {@code /instructor/workshops/{id}/learners/{participant}/labs/{lab}/terminal[?mode=share]}: the
 * instructor's view of a learner's terminal, relayed like the learner's own (same handler, frames
 * unchanged) but as an agent watcher. Share sockets are tracked so withdrawing consent closes them.
 */
@Configuration
public class WatchConfig implements WebSocketConfigurer {
    private final TerminalRelayHandler relay;
    private final WatchAccess access;
    private final ShareConsent consent;

    public WatchConfig(TerminalRelayHandler relay, WatchAccess access, ShareConsent consent) {
        this.relay = relay;
        this.access = access;
        this.consent = consent;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new SharingHandler(relay), "/instructor/workshops/*/learners/*/labs/*/terminal")
                .addInterceptors(access);
    }

    private final class SharingHandler extends WebSocketHandlerDecorator {
        SharingHandler(WebSocketHandler delegate) {
            super(delegate);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            if (sharing(session) && !consent.opened(learner(session), session)) {
                // Consent was withdrawn between handshake and now: watch instead of typing.
                session.getAttributes().put(TerminalAccess.MODE, "watch");
            }
            super.afterConnectionEstablished(session);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
            if (sharing(session)) consent.closed(learner(session), session);
            super.afterConnectionClosed(session, status);
        }

        private boolean sharing(WebSocketSession session) {
            return "share".equals(session.getAttributes().get(TerminalAccess.MODE));
        }

        private String learner(WebSocketSession session) {
            return (String) session.getAttributes().get(WatchAccess.LEARNER);
        }
    }
}
