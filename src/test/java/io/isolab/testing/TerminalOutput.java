package io.isolab.testing;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Collects what a terminal WebSocket prints ('0' frames) so a test can wait for text to appear. */
public class TerminalOutput implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private volatile Integer closeCode;

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (text) {
            // Frames arrive whole from the relay; the command byte '0' is dropped.
            int from = bytes.length > 0 && bytes[0] == '0' ? 1 : 0;
            text.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    public Integer closeCode() {
        return closeCode;
    }

    /** Waits until the output contains {@code expected}; fails with what was seen instead. */
    public void await(String expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!text().contains(expected)) {
            if (Instant.now().isAfter(deadline)) {
                String seen = text();
                throw new AssertionError("Terminal never printed \"" + expected + "\" within " + timeout
                        + "; last output: " + seen.substring(Math.max(0, seen.length() - 500)));
            }
            Thread.sleep(100);
        }
    }

    public static void type(WebSocket socket, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(bytes.length + 1).put((byte) '0').put(bytes).flip();
        socket.sendBinary(frame, true).join();
    }
}
