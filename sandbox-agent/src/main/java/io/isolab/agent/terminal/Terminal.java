package io.isolab.agent.terminal;

import io.isolab.agent.pty.PtyShell;
import io.isolab.agent.pty.PtySize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One shell on a PTY in a sandbox, which outlives the WebSockets that view it.
 * A single reader thread pumps PTY output into the replay buffer and to the attached socket.
 * It stops reading while the viewer paused, and while nobody views once a replay buffer's worth
 * of unseen output piled up: the kernel's PTY buffer then fills and blocks the writer, so a
 * flood like {@code yes} costs neither memory nor CPU here.
 */
public final class Terminal {

    static final int REPLAY_BYTES = 64 * 1024;
    /** Frames stay within 8 KiB, the default message buffer of common WebSocket clients (Tomcat's). */
    static final int READ_CHUNK = 8 * 1024 - 1;
    private static final Logger log = LoggerFactory.getLogger(Terminal.class);

    private final String sandboxId;
    private final String containerId;
    private final String name;
    private final PtyShell shell;
    private final Consumer<Terminal> onEnd;
    private final ReplayBuffer replay = new ReplayBuffer(REPLAY_BYTES);
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong lastTouchMillis = new AtomicLong();

    /** Guards replay and viewer; held while sending so a reattach gets replay then live output, gapless. */
    private final Object outputLock = new Object();
    private volatile WebSocketSession viewer;

    /** Guards the reader's go/stop state; never held while sending, so pause gets through a slow send. */
    private final Object flowLock = new Object();
    private boolean paused;
    private boolean attached;
    private long unseenBytes;
    private volatile String endReason = "shell exited";

    Terminal(String sandboxId, String containerId, String name, PtyShell shell, Consumer<Terminal> onEnd) {
        this.sandboxId = sandboxId;
        this.containerId = containerId;
        this.name = name;
        this.shell = shell;
        this.onEnd = onEnd;
    }

    void start() {
        Thread.ofPlatform().daemon().name("pty-" + sandboxId + "-" + name).start(this::pump);
    }

    public String sandboxId() {
        return sandboxId;
    }

    String containerId() {
        return containerId;
    }

    public String name() {
        return name;
    }

    /** Bytes read from the PTY so far (tests watch it stay flat while paused). */
    public long bytesRead() {
        return bytesRead.get();
    }

    public boolean isEnded() {
        return ended.get();
    }

    /** Makes {@code session} the viewer: it gets the replay, then live output. A previous viewer is closed. */
    void attach(WebSocketSession session) throws IOException {
        WebSocketSession previous;
        synchronized (outputLock) {
            previous = viewer;
            viewer = session;
            byte[] past = replay.snapshot();
            for (int at = 0; at < past.length; at += READ_CHUNK) {
                int n = Math.min(READ_CHUNK, past.length - at);
                byte[] frame = new byte[n + 1];
                frame[0] = TerminalFrame.INPUT_OUTPUT;
                System.arraycopy(past, at, frame, 1, n);
                session.sendMessage(new BinaryMessage(frame));
            }
        }
        synchronized (flowLock) {
            attached = true;
            paused = false;
            unseenBytes = 0;
            flowLock.notifyAll();
        }
        if (previous != null && previous != session) {
            closeQuietly(previous, CloseStatus.NORMAL.withReason("terminal opened elsewhere"));
        }
        if (ended.get()) {
            closeQuietly(session, CloseStatus.NORMAL.withReason(endReason));
        }
    }

    void detach(WebSocketSession session) {
        synchronized (outputLock) {
            if (viewer != session) {
                return;
            }
            viewer = null;
        }
        synchronized (flowLock) {
            attached = false;
            paused = false;
            unseenBytes = 0;
            flowLock.notifyAll();
        }
    }

    void pause(WebSocketSession from) {
        setPaused(from, true);
    }

    void resume(WebSocketSession from) {
        setPaused(from, false);
    }

    private void setPaused(WebSocketSession from, boolean value) {
        // Reads the volatile viewer without outputLock: the reader may hold that lock in a slow send.
        if (viewer != from) {
            return;
        }
        synchronized (flowLock) {
            paused = value;
            flowLock.notifyAll();
        }
    }

    void input(byte[] bytes, int offset, int length) throws IOException {
        shell.write(bytes, offset, length);
    }

    void resize(PtySize size) {
        shell.resize(size);
    }

    /** True at most once per {@code intervalMillis}: input keeps the sandbox alive without a touch per key. */
    boolean touchDue(long nowMillis, long intervalMillis) {
        long last = lastTouchMillis.get();
        return nowMillis - last >= intervalMillis && lastTouchMillis.compareAndSet(last, nowMillis);
    }

    /** The reason the viewer will read when the shell goes away next (e.g. because the agent hangs it up). */
    void ending(String reason) {
        endReason = reason;
    }

    /** Ends the terminal: kills the shell, closes the viewer with {@code reason}. */
    void close(String reason) {
        endReason = reason;
        shell.kill();
        end();
    }

    private void pump() {
        byte[] buffer = new byte[READ_CHUNK + 1];
        try {
            while (awaitGo()) {
                int n = shell.output().read(buffer, 1, READ_CHUNK);
                if (n < 0) {
                    break;
                }
                bytesRead.addAndGet(n);
                deliver(buffer, n);
            }
        } catch (IOException e) {
            log.debug("terminal {}/{}: PTY closed: {}", sandboxId, name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    private boolean awaitGo() throws InterruptedException {
        synchronized (flowLock) {
            while (!ended.get() && (paused || (!attached && unseenBytes >= REPLAY_BYTES))) {
                flowLock.wait();
            }
            return !ended.get();
        }
    }

    private void deliver(byte[] buffer, int n) {
        WebSocketSession failed = null;
        synchronized (outputLock) {
            replay.append(buffer, 1, n);
            if (viewer == null) {
                synchronized (flowLock) {
                    unseenBytes += n;
                }
                return;
            }
            // A copy: the decorator may queue the message while another thread (a close) holds the socket.
            byte[] frame = Arrays.copyOf(buffer, n + 1);
            frame[0] = TerminalFrame.INPUT_OUTPUT;
            try {
                viewer.sendMessage(new BinaryMessage(frame));
            } catch (IOException | RuntimeException e) {
                log.debug("terminal {}/{}: send failed, detaching: {}", sandboxId, name, e.getMessage());
                failed = viewer;
            }
        }
        if (failed != null) {
            detach(failed);
            closeQuietly(failed, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        onEnd.accept(this);
        synchronized (flowLock) {
            flowLock.notifyAll();
        }
        WebSocketSession last;
        synchronized (outputLock) {
            last = viewer;
            viewer = null;
        }
        if (last != null) {
            closeQuietly(last, CloseStatus.NORMAL.withReason(endReason));
        }
        shell.kill();
    }

    private static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing terminal socket: {}", e.getMessage());
        }
    }
}
