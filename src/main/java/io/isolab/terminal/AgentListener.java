package io.isolab.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Receives the agent's terminal frames. Requests exactly one frame at a time and asks for the next
 * only after the previous one was written to the browser (a blocking write), so a browser that
 * cannot keep up stops the flow from the agent instead of filling memory.
 */
class AgentListener implements WebSocket.Listener {
    private static final int MAX_FRAME = 1 << 20;
    private final WebSocketSession browser;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    AgentListener(WebSocketSession browser) {
        this.browser = browser;
    }

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.write(chunk, 0, chunk.length);
        if (partial.size() > MAX_FRAME) {
            closeBrowser(new CloseStatus(4500, "terminal frame too large"));
            socket.abort();
            return null;
        }
        if (last) {
            byte[] frame = partial.toByteArray();
            partial.reset();
            try {
                synchronized (browser) {
                    if (browser.isOpen()) browser.sendMessage(new BinaryMessage(frame));
                }
            } catch (IOException e) {
                socket.abort();
                return null;
            }
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closeBrowser(new CloseStatus(4000, "terminal ended" + (reason == null || reason.isBlank() ? "" : ": " + trim(reason))));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closeBrowser(new CloseStatus(4503, "sandbox unavailable: connection to the terminal lost"));
    }

    private void closeBrowser(CloseStatus status) {
        try {
            synchronized (browser) {
                if (browser.isOpen()) browser.close(status);
            }
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    private static String trim(String reason) {
        return reason.length() > 80 ? reason.substring(0, 80) : reason;
    }
}
