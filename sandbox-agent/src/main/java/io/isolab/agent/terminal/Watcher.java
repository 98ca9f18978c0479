package io.isolab.agent.terminal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * A read-only (or, for {@code share}, typing) extra viewer of a terminal. Output reaches it through its
 * own bounded queue and sender thread, so a slow watcher never holds up the PTY reader, and with it the
 * learner: when the queue passes {@link #QUEUE_LIMIT} bytes the watcher is dropped (closed 4500).
 */
final class Watcher {

    /** Enough for a full replay plus a burst; a watcher further behind than this is too slow. */
    static final int QUEUE_LIMIT = 1024 * 1024;
    static final CloseStatus TOO_SLOW = new CloseStatus(4500, "watcher too slow");
    private static final Logger log = LoggerFactory.getLogger(Watcher.class);

    private final WebSocketSession session;
    private final boolean mayType;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long queuedBytes;
    private CloseStatus closing;
    private boolean done;

    Watcher(WebSocketSession session, boolean mayType) {
        this.session = session;
        this.mayType = mayType;
        Thread.ofVirtual().name("terminal-watcher").start(this::drain);
    }

    WebSocketSession session() {
        return session;
    }

    boolean mayType() {
        return mayType;
    }

    /** Queues one output frame; false (and the watcher closes) when it is too far behind. */
    synchronized boolean offer(byte[] frame) {
        if (closing != null) {
            return false;
        }
        if (queuedBytes + frame.length > QUEUE_LIMIT) {
            closeAfterQueue(TOO_SLOW);
            queue.clear();
            queuedBytes = 0;
            return false;
        }
        queue.add(frame);
        queuedBytes += frame.length;
        notifyAll();
        return true;
    }

    /** Closes the socket with {@code status} once what is queued has been sent. */
    synchronized void closeAfterQueue(CloseStatus status) {
        if (closing == null) {
            closing = status;
        }
        notifyAll();
    }

    /** The socket went away: stop sending. */
    synchronized void gone() {
        done = true;
        queue.clear();
        notifyAll();
    }

    private void drain() {
        try {
            while (true) {
                byte[] frame;
                CloseStatus close;
                synchronized (this) {
                    while (!done && queue.isEmpty() && closing == null) {
                        wait();
                    }
                    if (done) {
                        return;
                    }
                    frame = queue.poll();
                    close = closing;
                    if (frame != null) {
                        queuedBytes -= frame.length;
                    }
                }
                if (frame != null) {
                    session.sendMessage(new BinaryMessage(frame));
                } else {
                    session.close(close);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("terminal watcher: {}", e.getMessage());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already broken
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
