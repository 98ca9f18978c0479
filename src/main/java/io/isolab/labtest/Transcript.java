package io.isolab.labtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What a terminal printed, as a learner's screen would have shown it, and when it last printed.
 * Keeps only the most recent {@code limit} bytes so a flooding command cannot grow memory; the
 * total count keeps growing, so a {@link #mark()} taken earlier still tells "new output since".
 */
final class Transcript {
    private static final Pattern OSC = Pattern.compile("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?");
    private static final Pattern CSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final Pattern OTHER_ESCAPE = Pattern.compile("\u001B[@-_]?");
    private static final Pattern CONTROL = Pattern.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");

    /** Without any echo a line may still be on its way on a loaded box: wait at least this long. */
    private static final long NO_ECHO_GRACE_NANOS = Duration.ofSeconds(5).toNanos();

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long total;
    private long lastOutputNanos = System.nanoTime();

    Transcript(int limit) {
        this.limit = limit;
    }

    synchronized void append(byte[] data, int offset, int length) {
        if (length <= 0) return;
        bytes.write(data, offset, length);
        total += length;
        lastOutputNanos = System.nanoTime();
        if (bytes.size() > 2 * limit) {
            byte[] all = bytes.toByteArray();
            bytes.reset();
            bytes.write(all, all.length - limit, limit);
        }
        notifyAll();
    }

    /** Position to compare against later: output after this mark is "new". */
    synchronized long mark() {
        return total;
    }

    /**
     * Waits until the terminal has printed something after {@code since} and then stayed quiet for
     * {@code quiet}, as a learner waits for the prompt before typing the next line. When nothing at
     * all comes (no echo) it counts as settled after a few seconds of silence; commands
     * that never stop printing give up at {@code cap}.
     *
     * @return true when it settled, false when the cap was reached first
     */
    synchronized boolean awaitQuiet(long since, Duration quiet, Duration cap) throws InterruptedException {
        long start = System.nanoTime();
        long capNanos = cap.toNanos();
        long quietNanos = quiet.toNanos();
        while (true) {
            long now = System.nanoTime();
            if (now - start >= capNanos) return false;
            boolean printed = total > since;
            long quietSince = printed ? lastOutputNanos : Math.max(lastOutputNanos, start);
            long needed = printed ? quietNanos : Math.max(quietNanos, NO_ECHO_GRACE_NANOS);
            long quietFor = now - quietSince;
            if (quietFor >= needed) return true;
            long waitNanos = Math.min(needed - quietFor, capNanos - (now - start));
            wait(Math.max(1, waitNanos / 1_000_000), 0);
        }
    }

    /** Nanos since the terminal last printed anything. */
    synchronized long quietNanos() {
        return System.nanoTime() - lastOutputNanos;
    }

    /** The last {@code lines} lines of screen text, escape sequences removed. */
    synchronized String tail(int lines) {
        String text = screenText(bytes.toString(StandardCharsets.UTF_8)).stripTrailing();
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length)).strip();
    }

    /** Terminal output as plain text: no colours or cursor moves, a carriage return rewrites the line. */
    static String screenText(String raw) {
        String s = OSC.matcher(raw).replaceAll("");
        s = CSI.matcher(s).replaceAll("");
        s = OTHER_ESCAPE.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int cr = l.lastIndexOf('\r');
            if (cr >= 0) l = l.substring(cr + 1);
            l = applyBackspaces(CONTROL.matcher(l).replaceAll(m -> m.group().equals("\b") ? "\b" : ""));
            out.append(l).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String applyBackspaces(String line) {
        if (line.indexOf('\b') < 0) return line;
        StringBuilder b = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\b') {
                if (!b.isEmpty()) b.setLength(b.length() - 1);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
