package io.isolab.agent.terminal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Maps the terminal WebSocket. Callers are authenticated by the token filter, not by Origin. */
@Configuration
@EnableWebSocket
public class TerminalWebSocketConfig implements WebSocketConfigurer {

    private final TerminalSocketHandler handler;

    public TerminalWebSocketConfig(TerminalSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/sandboxes/*/terminals/*").setAllowedOriginPatterns("*");
    }

    /** Room for a large paste in one input frame (Tomcat's default is 8 KiB). */
    @Bean
    public ServletServerContainerFactoryBean terminalWebSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(256 * 1024);
        container.setMaxTextMessageBufferSize(256 * 1024);
        return container;
    }
}
