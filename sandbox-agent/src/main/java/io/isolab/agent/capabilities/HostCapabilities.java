package io.isolab.agent.capabilities;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The capabilities a sandbox gets: everything in the host's bounding set. {@code --privileged}
 * asks for all capabilities and fails on hosts whose bounding set lacks one (see DESIGN.md), so we
 * list them ourselves.
 */
@Component
public class HostCapabilities {

    private static final Logger log = LoggerFactory.getLogger(HostCapabilities.class);

    /** Linux capability numbers 0..40 in order (capability.h). */
    static final List<String> NAMES = List.of(
            "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
            "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
            "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
            "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
            "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    /** Newer than Docker 20.10 knows: asking for them makes container creation fail. */
    static final Set<String> UNKNOWN_TO_OLD_ENGINES = Set.of("PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private final List<String> granted = new java.util.concurrent.CopyOnWriteArrayList<>();

    public HostCapabilities() {
        this(readBoundingSet());
    }

    HostCapabilities(String capBndHex) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String name : fromMask(capBndHex)) {
            (UNKNOWN_TO_OLD_ENGINES.contains(name) ? skipped : names).add(name);
        }
        this.granted.addAll(names);
        log.info("Sandbox capabilities from host bounding set {}: {} (left out, unknown to Docker 20.10: {})",
                capBndHex, granted, skipped);
    }

    /** Capability names, without the CAP_ prefix. */
    public List<String> granted() {
        return List.copyOf(granted);
    }

    /** The engine refused this one: leave it out of future sandboxes. */
    public void forget(String name) {
        granted.remove(name);
    }

    static List<String> fromMask(String hex) {
        BigInteger mask = new BigInteger(hex.trim(), 16);
        List<String> result = new ArrayList<>();
        for (int bit = 0; bit < NAMES.size(); bit++) {
            if (mask.testBit(bit)) {
                result.add(NAMES.get(bit));
            }
        }
        return result;
    }

    private static String readBoundingSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return line.substring("CapBnd:".length()).trim();
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read /proc/self/status ({}); sandboxes get Docker's default capabilities", e.getMessage());
        }
        return "0";
    }
}
