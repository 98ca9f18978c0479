package io.isolab.agent.terminal;

/** The last {@code capacity} bytes a terminal printed, so a reattaching browser sees where it left off. */
final class ReplayBuffer {

    private final byte[] ring;
    private int start;
    private int length;

    ReplayBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    void append(byte[] bytes, int offset, int count) {
        if (count >= ring.length) {
            // Only the tail survives; keep it as one contiguous run.
            System.arraycopy(bytes, offset + count - ring.length, ring, 0, ring.length);
            start = 0;
            length = ring.length;
            return;
        }
        int end = (start + length) % ring.length;
        int first = Math.min(count, ring.length - end);
        System.arraycopy(bytes, offset, ring, end, first);
        System.arraycopy(bytes, offset + first, ring, 0, count - first);
        int overflow = Math.max(0, length + count - ring.length);
        start = (start + overflow) % ring.length;
        length = Math.min(ring.length, length + count);
    }

    /** The buffered bytes, oldest first. */
    byte[] snapshot() {
        byte[] copy = new byte[length];
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, copy, 0, first);
        System.arraycopy(ring, 0, copy, first, length - first);
        return copy;
    }

    /** The buffered bytes as frames of at most {@code chunk} bytes, each prefixed with {@code command}. */
    java.util.List<byte[]> frames(int chunk, byte command) {
        byte[] past = snapshot();
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        for (int at = 0; at < past.length; at += chunk) {
            int n = Math.min(chunk, past.length - at);
            byte[] frame = new byte[n + 1];
            frame[0] = command;
            System.arraycopy(past, at, frame, 1, n);
            frames.add(frame);
        }
        return frames;
    }

    int size() {
        return length;
    }

    int capacity() {
        return ring.length;
    }
}
