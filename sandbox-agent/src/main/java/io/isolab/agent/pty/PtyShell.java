package io.isolab.agent.pty;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/** A process running on a pseudo terminal: its output, its input and its window size. */
public final class PtyShell {

    private final PtyProcess process;

    PtyShell(PtyProcess process) {
        this.process = process;
    }

    /** Everything the process writes to its terminal; -1 once the terminal closes. */
    public InputStream output() {
        return process.getInputStream();
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(bytes, offset, length);
        in.flush();
    }

    /** Sets the PTY's window size; the kernel sends SIGWINCH to the foreground process group. */
    public void resize(PtySize size) {
        if (process.isAlive()) {
            process.setWinSize(new WinSize(size.cols(), size.rows()));
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Exit code, or -1 if the process did not end within the wait. */
    public int awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public void kill() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
