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

    int size() {
        return length;
    }

    int capacity() {
        return ring.length;
    }
}
