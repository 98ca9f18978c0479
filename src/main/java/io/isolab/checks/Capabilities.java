package io.isolab.checks;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Linux capability names and their bit numbers (linux/capability.h), to read CapEff masks. */
public final class Capabilities {
    private static final List<String> NAMES = List.of(
            "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
            "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
            "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
            "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
            "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private Capabilities() {
    }

    /** "NET_ADMIN", "cap_net_admin", "CAP_NET_ADMIN" → "CAP_NET_ADMIN"; null for unknown names. */
    public static String canonical(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("CAP_")) n = n.substring(4);
        return NAMES.contains(n) ? "CAP_" + n : null;
    }

    public static OptionalInt bit(String name) {
        String c = canonical(name);
        return c == null ? OptionalInt.empty() : OptionalInt.of(NAMES.indexOf(c.substring(4)));
    }

    /** Whether the hex mask (as in /proc/PID/status CapEff) has the capability. */
    public static boolean has(String capEffHex, String name) {
        if (capEffHex == null) return false;
        OptionalInt bit = bit(name);
        return bit.isPresent() && new BigInteger(capEffHex.strip().replaceFirst("^0[xX]", ""), 16).testBit(bit.getAsInt());
    }
}
