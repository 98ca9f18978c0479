package io.isolab.agent.terminal;

/**
 * PTY output between the reader thread and the sender, at most {@code capacity} bytes. The reader puts
 * what each read returned (a PTY read gives at most ~4 KiB); the sender takes everything queued as one
 * frame. So output is sent the moment it is read when the path is idle (a keystroke echo waits for
 * nothing), and coalesces into big frames while a send is under way (a flood costs few frames).
 * While reads come back big (a PTY read of a flood returns ~4 KiB each), the sender holds on for at most
 * {@link #HOLD_NANOS} to gather more; a short read (a keystroke echo, a prompt, the end of a burst) is
 * sent at once. A full queue blocks the reader, so the kernel's PTY buffer fills and blocks the writer.
 */
final class OutputQueue {

    /** A read at least this big means more output is probably on its way. */
    static final int BULK_READ = 2048;
    /** The longest a flood's output waits to fill a bigger frame: far below what an eye can see. */
    static final long HOLD_NANOS = 2_000_000;

    private final byte[] ring;
    private int start;
    private int length;
    private boolean finished;
    private boolean bulk;

    OutputQueue(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Queues {@code count} bytes, waiting for room; false once {@link #finish()}ed (the bytes are dropped). */
    synchronized boolean put(byte[] bytes, int offset, int count) throws InterruptedException {
        int done = 0;
        while (done < count) {
            while (!finished && length == ring.length) {
                wait();
            }
            if (finished) {
                return false;
            }
            int end = (start + length) % ring.length;
            int n = Math.min(count - done, Math.min(ring.length - length, ring.length - end));
            System.arraycopy(bytes, offset + done, ring, end, n);
            length += n;
            done += n;
            bulk = count >= BULK_READ;
            notifyAll();
        }
        return true;
    }

    /**
     * Waits for output and takes all of it as one frame: {@code command}, then the bytes, oldest first.
     * Null once finished and drained.
     */
    synchronized byte[] take(byte command) throws InterruptedException {
        while (!finished && length == 0) {
            wait();
        }
        long deadline = System.nanoTime() + HOLD_NANOS;
        long left;
        while (bulk && !finished && length < ring.length / 2 && (left = deadline - System.nanoTime()) > 0) {
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        if (length == 0) {
            return null;
        }
        byte[] frame = new byte[length + 1];
        frame[0] = command;
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, frame, 1, first);
        System.arraycopy(ring, 0, frame, 1 + first, length - first);
        start = 0;
        length = 0;
        notifyAll();
        return frame;
    }

    /** No more output: take() drains what is queued, then returns null; put() stops waiting. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }
}
