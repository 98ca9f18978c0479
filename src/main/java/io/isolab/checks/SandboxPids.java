package io.isolab.checks;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps (innermost pid, pid namespace inode) to the pid in the sandbox's pid namespace, read inside the
 * sandbox: its /proc numbers processes at the sandbox level, NSpid ends with the innermost pid and
 * {@code stat -L} of ns/pid gives the namespace inode, the same the agent's probe reports.
 */
final class SandboxPids {
    static final String SCRIPT = "grep -H '^NSpid:' /proc/[0-9]*/status 2>/dev/null; echo ---;"
            + " stat -L -c '%n %i' /proc/[0-9]*/ns/pid 2>/dev/null; true";

    private SandboxPids() {
    }

    static Map<String, Integer> parse(String output) {
        Map<String, String> innermost = new HashMap<>();
        Map<String, Integer> result = new HashMap<>();
        boolean inodes = false;
        for (String line : (output == null ? "" : output).lines().toList()) {
            if (line.equals("---")) {
                inodes = true;
                continue;
            }
            String[] dir = line.split("/");
            if (dir.length < 3 || !dir[2].matches("\\d+")) continue;
            String pid = dir[2];
            if (!inodes) {
                String[] levels = line.substring(line.indexOf("NSpid:") + 6).trim().split("\\s+");
                innermost.put(pid, levels[levels.length - 1]);
            } else {
                String[] parts = line.trim().split("\\s+");
                String inner = innermost.get(pid);
                if (inner != null && parts.length == 2) result.put(inner + ":" + parts[1], Integer.parseInt(pid));
            }
        }
        return result;
    }
}
