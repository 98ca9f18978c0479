package io.isolab.terminal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * {@code /labs/{lab}/terminals/{name}}: the browser's end of a terminal. Same-origin only (Spring's
 * default), so another site cannot open a learner's shell with their cookie.
 */
@Configuration
@EnableWebSocket
public class TerminalConfig implements WebSocketConfigurer {
    private final TerminalRelayHandler handler;
    private final TerminalAccess access;

    public TerminalConfig(TerminalRelayHandler handler, TerminalAccess access) {
        this.handler = handler;
        this.access = access;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/labs/*/terminals/*").addInterceptors(access);
    }

    /** Tomcat's default 8 KiB frame limit would cut off pasted files ("Write file" heredocs). */
    @Bean
    public ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(1 << 20);
        container.setMaxTextMessageBufferSize(64 * 1024);
        return container;
    }
}
