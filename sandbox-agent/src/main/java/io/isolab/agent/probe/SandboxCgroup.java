package io.isolab.agent.probe;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cgroup a sandbox's init process lives in, on one reference hierarchy. Everything the sandbox
 * runs (inner containers included, since the inner dockerd nests their cgroups under its own) lies
 * at or below it.
 */
final class SandboxCgroup {

    /** {@code docker/<id>} (cgroupfs driver) or {@code docker-<id>.scope} (systemd driver). */
    private static final Pattern CONTAINER = Pattern.compile("(?:^|/)docker[/-]([0-9a-f]{64})(?:\\.scope)?(?=/|$)");
    /** Hierarchies every container gets its own cgroup in, best first. */
    private static final List<String> PREFERRED = List.of("pids", "memory", "cpu", "cpuacct");

    private final CgroupLine reference;

    private SandboxCgroup(CgroupLine reference) {
        this.reference = reference;
    }

    static Optional<SandboxCgroup> of(List<String> initCgroupLines) {
        List<CgroupLine> lines = CgroupLine.parseAll(initCgroupLines).stream()
                .filter(l -> !l.path().equals("/"))
                .toList();
        Optional<CgroupLine> best = lines.stream()
                .min(Comparator.comparingInt(SandboxCgroup::rank));
        return best.map(SandboxCgroup::new);
    }

    private static int rank(CgroupLine line) {
        for (int i = 0; i < PREFERRED.size(); i++) {
            if (line.has(PREFERRED.get(i))) {
                return i;
            }
        }
        return line.isUnified() ? PREFERRED.size() : PREFERRED.size() + 1;
    }

    /** The path of the process below the sandbox's cgroup ("" for the sandbox's own), empty if outside. */
    Optional<String> below(List<String> processCgroupLines) {
        for (CgroupLine line : CgroupLine.parseAll(processCgroupLines)) {
            if (line.sameHierarchy(reference)) {
                String path = line.path();
                String base = reference.path();
                if (path.equals(base)) {
                    return Optional.of("");
                }
                if (path.startsWith(base + "/")) {
                    return Optional.of(path.substring(base.length()));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The full id of the innermost container a path below the sandbox names, or null. */
    static String containerId(String pathBelowSandbox) {
        Matcher m = CONTAINER.matcher(pathBelowSandbox);
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        return id;
    }
}
