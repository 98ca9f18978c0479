package io.isolab.labtest;

import io.isolab.sandbox.AgentClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Terminal 1 of a sandbox, driven the way a learner drives it in the browser: one WebSocket to the
 * agent (docs/agent-api.md, binary frames, first byte '0' = input/output, '1' = resize), lines typed
 * one at a time, each after the shell has settled.
 */
final class Terminal implements AutoCloseable {
    static final int COLS = 120;
    static final int ROWS = 40;
    private static final byte OUTPUT = '0';
    private static final byte RESIZE = '1';

    private final Transcript transcript = new Transcript(256 * 1024);
    private final WebSocket socket;
    private volatile String closedBecause;

    private Terminal(AgentClient agent, String sandboxId, String name) throws LabTestException {
        try {
            socket = agent.http().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + agent.token())
                    .connectTimeout(Duration.ofSeconds(15))
                    .buildAsync(agent.terminalUri(sandboxId, name, COLS, ROWS), new Listener())
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new LabTestException("could not open terminal " + name + " on the agent: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new LabTestException("terminal " + name + " did not open within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabTestException("interrupted while opening terminal " + name);
        }
    }

    /** Opens the terminal, sizes it and waits for the login shell's prompt to settle. */
    static Terminal open(AgentClient agent, String sandboxId, String name) throws LabTestException {
        Terminal t = new Terminal(agent, sandboxId, name);
        t.send(RESIZE, ("{\"cols\": " + COLS + ", \"rows\": " + ROWS + "}").getBytes(StandardCharsets.UTF_8));
        t.settle(t.transcript.mark(), Duration.ofSeconds(1), Duration.ofSeconds(30));
        return t;
    }

    /**
     * Types {@code script} line by line (Enter = carriage return, as xterm.js sends it), waiting
     * after each line until the output has been quiet for {@code quiet} or {@code cap} passed.
     */
    void type(String script, Duration quiet, Duration cap) throws LabTestException {
        for (String line : Scripts.lines(script)) {
            long mark = transcript.mark();
            send(OUTPUT, (line + "\r").getBytes(StandardCharsets.UTF_8));
            settle(mark, quiet, cap);
        }
    }

    /** Waits until output since {@code mark} has stopped; false when {@code cap} passed first. */
    boolean settle(long mark, Duration quiet, Duration cap) throws LabTestException {
        try {
            return transcript.awaitQuiet(mark, quiet, cap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabTestException("interrupted while waiting for the terminal");
        }
    }

    Transcript transcript() {
        return transcript;
    }

    /** Why the agent closed the socket, or null while it is open. */
    String closedBecause() {
        return closedBecause;
    }

    private void send(byte command, byte[] payload) throws LabTestException {
        if (closedBecause != null) {
            throw new LabTestException("terminal 1 was closed by the agent: " + closedBecause);
        }
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 1).put(command).put(payload).flip();
        try {
            socket.sendBinary(frame, true).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new LabTestException("could not type into terminal 1: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabTestException("interrupted while typing into terminal 1");
        }
    }

    @Override
    public void close() {
        if (closedBecause == null) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "lab test done").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the sandbox is deleted next anyway, which ends the terminal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    /** Collects output frames; a frame split in parts carries the command byte in its first part only. */
    private final class Listener implements WebSocket.Listener {
        private boolean inMessage;
        private boolean outputMessage;

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (!inMessage && data.hasRemaining()) {
                outputMessage = data.get() == OUTPUT;
            }
            inMessage = !last;
            if (outputMessage) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                transcript.append(bytes, 0, bytes.length);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedBecause = statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closedBecause = "connection failed: " + error;
        }
    }
}
