package io.isolab.agent.terminal;

import io.isolab.agent.fixture.TestAgent;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A browser stand-in: one terminal WebSocket, keeping the tail of the output and a byte count. */
public final class TermClient implements AutoCloseable {

    private static final int TAIL = 256 * 1024;

    private final StringBuilder tail = new StringBuilder();
    private final AtomicLong received = new AtomicLong();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final WebSocketSession session;

    private TermClient(URI uri) throws Exception {
        var container = new WsWebSocketContainer();
        container.setDefaultMaxBinaryMessageBufferSize(128 * 1024);
        var client = new StandardWebSocketClient(container);
        session = client.execute(new BinaryWebSocketHandler() {
            @Override
            protected void handleBinaryMessage(WebSocketSession s, BinaryMessage message) {
                ByteBuffer payload = message.getPayload();
                if (payload.get() != '0') {
                    return;
                }
                received.addAndGet(payload.remaining());
                String text = StandardCharsets.UTF_8.decode(payload).toString();
                synchronized (tail) {
                    tail.append(text);
                    if (tail.length() > 2 * TAIL) { // trimmed in bulk: a flood must not cost a copy per frame
                        tail.delete(0, tail.length() - TAIL);
                    }
                }
            }

            @Override
            public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
                closed.complete(status);
            }
        }, uri.toString()).get(30, TimeUnit.SECONDS);
    }

    /** Attaches to terminal {@code name}, with the token as a query parameter (as browsers must). */
    public static TermClient open(TestAgent agent, String sandboxId, String name, int cols, int rows) throws Exception {
        return new TermClient(URI.create("ws://127.0.0.1:" + agent.port() + "/api/v1/sandboxes/" + sandboxId
                + "/terminals/" + name + "?cols=" + cols + "&rows=" + rows + "&token=" + TestAgent.TOKEN));
    }

    public void type(String text) throws IOException {
        send('0', text.getBytes(StandardCharsets.UTF_8));
    }

    void resize(int cols, int rows) throws IOException {
        send('1', ("{\"cols\":" + cols + ",\"rows\":" + rows + "}").getBytes(StandardCharsets.UTF_8));
    }

    void pause() throws IOException {
        send('2', new byte[0]);
    }

    void resume() throws IOException {
        send('3', new byte[0]);
    }

    private void send(char command, byte[] body) throws IOException {
        byte[] frame = new byte[body.length + 1];
        frame[0] = (byte) command;
        System.arraycopy(body, 0, frame, 1, body.length);
        synchronized (session) {
            session.sendMessage(new BinaryMessage(frame));
        }
    }

    String output() {
        synchronized (tail) {
            return tail.toString();
        }
    }

    long received() {
        return received.get();
    }

    /** Waits until the output contains {@code text}; fails with the output so far. */
    public void awaitOutput(String text) {
        await(() -> output().contains(text), "output containing '" + text + "'");
    }

    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; output tail:\n"
                        + output().substring(Math.max(0, output().length() - 2000)));
            }
            sleep(50);
        }
    }

    CloseStatus awaitClose() throws Exception {
        return closed.get(90, TimeUnit.SECONDS);
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws IOException {
        if (session.isOpen()) {
            session.close();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
