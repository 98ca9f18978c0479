package io.isolab.agent.terminal;

import io.isolab.agent.pty.PtyShell;
import io.isolab.agent.pty.PtySize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One shell on a PTY in a sandbox, which outlives the WebSockets that view it.
 * A reader thread pumps PTY output into a bounded {@link OutputQueue}; a sender thread takes what piled
 * up there as one frame (up to 64 KiB) into the replay buffer and to the attached socket (and watchers):
 * a flood costs a few big frames instead of one per ~4 KiB PTY read, an echo goes out at once. Both
 * stop while the viewer paused; the reader also stops while nobody views once a replay buffer's worth
 * of unseen output piled up: the kernel's PTY buffer then fills and blocks the writer, so a
 * flood like {@code yes} costs neither memory nor CPU here.
 */
public final class Terminal {

    static final int REPLAY_BYTES = 64 * 1024;
    /** Output frames carry at most this many bytes (64 KiB with the command byte): few frames for a flood. */
    static final int FRAME_OUTPUT_BYTES = 64 * 1024 - 1;
    /** A PTY read returns at most ~4 KiB (the line discipline's buffer); more would only allocate more. */
    private static final int READ_CHUNK = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Terminal.class);

    private final String sandboxId;
    private final String containerId;
    private final String name;
    private final PtyShell shell;
    private final Consumer<Terminal> onEnd;
    private final ReplayBuffer replay = new ReplayBuffer(REPLAY_BYTES);
    private final OutputQueue queue = new OutputQueue(FRAME_OUTPUT_BYTES);
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong lastTouchMillis = new AtomicLong();

    /** Guards replay and viewer; held while sending so a reattach gets replay then live output, gapless. */
    private final Object outputLock = new Object();
    private volatile WebSocketSession viewer;
    /** Extra viewers (workshop trainers): they get the output but never steer the reader's flow. */
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

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
        // Platform threads: the sender blocks in a socket send while holding outputLock (no carrier pinning).
        Thread.ofPlatform().daemon().name("pty-" + sandboxId + "-" + name).start(this::pump);
        Thread.ofPlatform().daemon().name("pty-send-" + sandboxId + "-" + name).start(this::send);
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
            for (byte[] frame : replayFrames()) {
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

    /** Adds a watcher: replay then live output, gapless; it never takes the viewer's place. */
    Watcher watch(WebSocketSession session, boolean mayType) {
        Watcher watcher = new Watcher(session, mayType);
        synchronized (outputLock) {
            if (ended.get()) {
                watcher.closeAfterQueue(CloseStatus.NORMAL.withReason(endReason));
                return watcher;
            }
            for (byte[] frame : replayFrames()) {
                watcher.offer(frame);
            }
            watchers.add(watcher);
        }
        return watcher;
    }

    void unwatch(Watcher watcher) {
        watchers.remove(watcher);
        watcher.gone();
    }

    /** Whether a (learner's) socket is attached. */
    public boolean attached() {
        return viewer != null;
    }

    public int watcherCount() {
        return watchers.size();
    }

    /** The replay buffer as output frames; call with outputLock held. */
    private List<byte[]> replayFrames() {
        return replay.frames(FRAME_OUTPUT_BYTES, TerminalFrame.INPUT_OUTPUT);
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

    /** Reads the PTY into the queue; at the end of the output the sender drains the queue and ends. */
    private void pump() {
        byte[] buffer = new byte[READ_CHUNK];
        try {
            while (awaitGo(true)) {
                int n = shell.output().read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                bytesRead.addAndGet(n);
                if (!queue.put(buffer, 0, n)) {
                    break;
                }
            }
        } catch (IOException e) {
            log.debug("terminal {}/{}: PTY closed: {}", sandboxId, name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.finish();
        }
    }

    /** Sends whatever output is queued as one frame, as long as the viewer has not paused. */
    private void send() {
        try {
            while (awaitGo(false)) {
                byte[] frame = queue.take(TerminalFrame.INPUT_OUTPUT);
                if (frame == null) {
                    break;
                }
                deliver(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    /** Waits while paused (and, for the reader, while unseen output piled up); false once ended. */
    private boolean awaitGo(boolean reader) throws InterruptedException {
        synchronized (flowLock) {
            while (!ended.get() && (paused || (reader && !attached && unseenBytes >= REPLAY_BYTES))) {
                flowLock.wait();
            }
            return !ended.get();
        }
    }

    private void deliver(byte[] frame) {
        int n = frame.length - 1;
        WebSocketSession failed = null;
        synchronized (outputLock) {
            replay.append(frame, 1, n);
            for (Watcher watcher : watchers) {
                // a watcher too far behind is dropped (it closes itself), never waited for
                if (!watcher.offer(frame)) {
                    watchers.remove(watcher);
                }
            }
            if (viewer == null) {
                synchronized (flowLock) {
                    unseenBytes += n;
                }
                return;
            }
            // The frame is never written to after this: viewer and watchers may share it.
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
        queue.finish();
        synchronized (flowLock) {
            flowLock.notifyAll();
        }
        WebSocketSession last;
        List<Watcher> lastWatchers;
        synchronized (outputLock) {
            last = viewer;
            viewer = null;
            lastWatchers = List.copyOf(watchers);
            watchers.clear();
        }
        lastWatchers.forEach(w -> w.closeAfterQueue(CloseStatus.NORMAL.withReason(endReason)));
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
