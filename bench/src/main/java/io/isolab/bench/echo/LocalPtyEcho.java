package io.isolab.bench.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;

/**
 * The baseline for keystroke echo: bash on a PTY opened by pty4j in this very process, no network,
 * no container. Same keystrokes as on the lab page: a..z, Ctrl-U every 40, time from the write to the
 * echoed character read back from the PTY.
 */
final class LocalPtyEcho {

    private LocalPtyEcho() {
    }

    static List<Double> measure(int count) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm-256color");
        env.put("PS1", "$ ");
        PtyProcess pty = new PtyProcessBuilder(new String[] {"/bin/bash", "--norc", "--noprofile", "-i"})
                .setEnvironment(env).setInitialColumns(120).setInitialRows(30).start();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> read(pty.getInputStream(), out));
        try {
            OutputStream in = pty.getOutputStream();
            await(out, 0, "$ ");
            List<Double> samples = new ArrayList<>();
            int onLine = 0;
            for (int i = 0; i < count; i++) {
                if (onLine == 40) {
                    // readline may redraw with erase sequences only, so no prompt to wait for: a pause
                    write(in, "\u0015");
                    Thread.sleep(200);
                    onLine = 0;
                }
                String ch = String.valueOf((char) ('a' + i % 26));
                int mark = length(out);
                long t0 = System.nanoTime();
                write(in, ch);
                await(out, mark, ch);
                samples.add((System.nanoTime() - t0) / 1e6);
                onLine++;
                Thread.sleep(5);
            }
            return samples;
        } finally {
            pty.destroyForcibly();
            reader.interrupt();
        }
    }

    private static void write(OutputStream in, String s) throws IOException {
        in.write(s.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static int length(StringBuilder out) {
        synchronized (out) {
            return out.length();
        }
    }

    private static void await(StringBuilder out, int mark, String text) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        synchronized (out) {
            while (out.indexOf(text, mark) < 0) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IllegalStateException("local PTY: '" + text + "' not echoed within 10 s");
                }
                out.wait(left);
            }
        }
    }

    private static void read(InputStream in, StringBuilder out) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    out.notifyAll();
                }
            }
        } catch (IOException e) {
            // the shell was destroyed
        }
    }
}
