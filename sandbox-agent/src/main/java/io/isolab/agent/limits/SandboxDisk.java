package io.isolab.agent.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.isolab.agent.sandbox.AgentProperties;

/**
 * The host directory a sandbox's inner dockerd stores images in. Where loop devices work it is an
 * ext4 file system in a sparse file, so {@code diskMiB} really caps what a learner can fill;
 * otherwise a plain directory (no limit, reported as {@code "diskLimit": "none"}).
 */
@Component
public class SandboxDisk {

    private static final Logger log = LoggerFactory.getLogger(SandboxDisk.class);

    private final Path stateDir;
    private volatile Boolean loopWorks;

    public SandboxDisk(AgentProperties props) {
        this.stateDir = Path.of(props.stateDir());
    }

    /** "loop-ext4" or "none". */
    public String mode() {
        return loopAvailable() ? "loop-ext4" : "none";
    }

    /** Creates {@code dockerDir}, backed by a {@code diskMiB} file system when possible. */
    public void prepare(Path dockerDir, Path image, long diskMiB) {
        try {
            Files.createDirectories(dockerDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dockerDir + ": " + e.getMessage(), e);
        }
        if (loopAvailable()) {
            mountExt4(image, dockerDir, diskMiB);
        }
    }

    /** Unmounts (if mounted) and deletes the whole sandbox directory. Safe to call twice. */
    public void release(Path sandboxDir) {
        Path dockerDir = sandboxDir.resolve("docker");
        if (isMountPoint(dockerDir)) {
            HostCommand.Result r = HostCommand.run(List.of("umount", dockerDir.toString()));
            if (!r.ok()) {
                log.warn("umount {} failed ({}); detaching lazily", dockerDir, r.output());
                HostCommand.run(List.of("umount", "-l", dockerDir.toString()));
            }
        }
        if (Files.exists(sandboxDir)) {
            // rm handles what the inner dockerd leaves behind (device nodes, read-only dirs) better than Java.
            HostCommand.Result r = HostCommand.run(List.of("rm", "-rf", "--one-file-system", sandboxDir.toString()));
            if (!r.ok()) {
                log.warn("Removing {} failed: {}", sandboxDir, r.output());
            }
        }
    }

    private void mountExt4(Path image, Path mountPoint, long diskMiB) {
        HostCommand.require(List.of("truncate", "-s", diskMiB + "M", image.toString()));
        HostCommand.require(List.of("mkfs.ext4", "-q", "-F", "-m", "0",
                "-E", "lazy_itable_init=1,lazy_journal_init=1", image.toString()));
        HostCommand.require(List.of("mount", "-o", "loop", image.toString(), mountPoint.toString()));
    }

    static boolean isMountPoint(Path dir) {
        try {
            String target = dir.toAbsolutePath().normalize().toString();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4 && f[4].equals(target)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Tries a tiny loop mount once; containers without /dev/loop* or mount rights fall back. */
    private boolean loopAvailable() {
        Boolean known = loopWorks;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (loopWorks == null) {
                loopWorks = probeLoop();
            }
            return loopWorks;
        }
    }

    private boolean probeLoop() {
        Path probe = stateDir.resolve("loop-probe");
        try {
            // same layout as a sandbox directory, so release() undoes it
            Files.createDirectories(probe.resolve("docker"));
            mountExt4(probe.resolve("disk.img"), probe.resolve("docker"), 16);
            log.info("Disk limits: ext4 on loop devices");
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Loop devices unavailable ({}); sandboxes get no disk limit", e.getMessage());
            return false;
        } finally {
            release(probe);
        }
    }
}
