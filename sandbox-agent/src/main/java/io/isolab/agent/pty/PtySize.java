package io.isolab.agent.pty;

/** A terminal window size in character cells, clamped to what a browser terminal can sensibly show. */
public record PtySize(int cols, int rows) {

    public static final PtySize DEFAULT = new PtySize(80, 24);

    public PtySize {
        cols = clamp(cols, 2, 1000);
        rows = clamp(rows, 1, 500);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
