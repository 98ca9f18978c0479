package io.isolab.bench.agent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One terminal of a sandbox over the agent's WebSocket (binary frames, first byte '0' = output).
 * Used to see the moment a shell prompt is on screen, the end of "start to prompt".
 */
public final class AgentTerminal implements AutoCloseable {

    /** ANSI/OSC escape sequences, removed before looking for the prompt. */
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B\\[[0-9;?]*[A-Za-z]|\u001B[()][A-Z0-9]|\r");
    /** bash's prompt ends with "# " (root) or "$ ". */
    private static final Pattern PROMPT = Pattern.compile("[#$] $");

    private final StringBuilder output = new StringBuilder();
    private final WebSocket socket;

    private AgentTerminal(AgentClient agent, String sandboxId, String name) {
        URI uri = URI.create("ws://127.0.0.1:" + agent.port() + "/api/v1/sandboxes/" + sandboxId + "/terminals/" + name
                + "?cols=120&rows=30");
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + agent.token())
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Listener()).orTimeout(60, TimeUnit.SECONDS).join();
    }

    public static AgentTerminal open(AgentClient agent, String sandboxId, String name) {
        return new AgentTerminal(agent, sandboxId, name);
    }

    /** Blocks until the output so far ends with a prompt. */
    public void awaitPrompt(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (output) {
            while (!PROMPT.matcher(ESCAPES.matcher(output).replaceAll("")).find()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no prompt after " + limit.toSeconds() + " s; the terminal showed: "
                            + ESCAPES.matcher(output).replaceAll("").strip());
                }
                try {
                    output.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** How much output arrived so far; pass it to {@link #awaitSince} to look only at what follows. */
    public int mark() {
        synchronized (output) {
            return output.length();
        }
    }

    /** Sends input bytes (frame '0'), as a browser does for a keystroke. */
    public void send(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(b.length + 1).put((byte) '0').put(b).flip();
        socket.sendBinary(frame, true).join();
    }

    /** Blocks until {@code text} appears in the output after {@code mark}. */
    public void awaitSince(int mark, String text, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (output) {
            while (output.indexOf(text, mark) < 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("'" + text + "' did not appear within " + limit.toMillis() + " ms");
                }
                try {
                    output.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (data.remaining() > 0 && data.get() == '0') {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                synchronized (output) {
                    // a split UTF-8 sequence only garbles a character; the prompt's ASCII survives
                    output.append(new String(b, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
            ws.request(1);
            return null;
        }
    }
}
