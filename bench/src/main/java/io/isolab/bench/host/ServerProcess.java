package io.isolab.bench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java server (agent or web app) this benchmark started. Its pid goes into {@code <work>/pids/} so
 * scripts/bench.sh can stop it even if this JVM dies; its log goes next to it.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path log;

    private ServerProcess(String name, Process process, Path pidFile, Path log) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
    }

    public static ServerProcess start(String name, Path work, List<String> command, Path workingDir) {
        try {
            Files.createDirectories(work.resolve("pids"));
            Path log = work.resolve(name + ".log");
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Path pidFile = work.resolve("pids").resolve(name + ".pid");
            Files.writeString(pidFile, Long.toString(p.pid()));
            return new ServerProcess(name, p, pidFile, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Fails with the tail of the log when the process already died (e.g. port taken). */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last log lines:\n" + tail());
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the pid file is only a safety net for bench.sh
        }
    }
}
