package io.isolab.checks;

import io.isolab.sandbox.ProcessInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** process and namespace conditions, decided on the agent's probe of the host's /proc. */
final class ProcessRules {
    private ProcessRules() {
    }

    /** Processes of the target, oldest (lowest pid) first. */
    static List<ProcessInfo> resolve(SandboxView view, Target target) {
        return view.processes().stream()
                .filter(p -> target.sandbox() ? p.sandboxInit()
                        : target.command() != null ? matches(p, target) : inContainer(p, target.container()))
                .sorted(Comparator.comparingInt(ProcessInfo::pid))
                .toList();
    }

    private static boolean matches(ProcessInfo p, Target t) {
        return p.cmdline() != null && t.command().matcher(p.cmdline()).find()
                && (t.container() == null || inContainer(p, t.container()));
    }

    static boolean inContainer(ProcessInfo p, String container) {
        return container.equals(p.containerName()) || (p.container() != null && container.length() >= 4
                && p.container().startsWith(container));
    }

    static Outcome process(SandboxView view, ProcessCheck c) {
        List<ProcessInfo> candidates = resolve(view, new Target(c.command(), c.container()));
        if (candidates.isEmpty()) {
            if (c.container() != null && c.command() != null
                    && !resolve(view, new Target(c.command(), null)).isEmpty()) {
                return Outcome.fail(c.subject() + " runs, but not in container " + Check.code(c.container()));
            }
            return Outcome.fail(c.command() != null
                    ? "no process matching " + c.subject() + " is running"
                      + (c.container() != null ? " in container " + Check.code(c.container()) : "")
                    : "no process runs in container " + Check.code(c.container()) + " (is it running?)");
        }
        String first = null;
        for (ProcessInfo p : candidates) {
            String problem = problem(view, c, p);
            if (problem == null) return Outcome.pass();
            if (first == null) first = problem;
        }
        return Outcome.fail(first);
    }

    /** The first property of {@code p} that is not as expected, or null. */
    private static String problem(SandboxView view, ProcessCheck c, ProcessInfo p) {
        String who = c.command() != null ? c.subject() : "the process " + Check.code(p.cmdline());
        NamespaceRule rule = c.namespace();
        if (rule != null) {
            Long mine = inode(p, rule.type());
            if (mine == null) return "the " + rule.type() + " namespace of " + who + " could not be read (did it just exit?)";
            List<ProcessInfo> others = resolve(view, rule.other());
            String other = rule.other().sandbox() ? "the sandbox's" : "the one of " + rule.other().describe();
            if (others.isEmpty()) {
                return rule.other().describe() + " is not running, so the " + rule.type() + " namespace of " + who
                        + " cannot be compared with it";
            }
            boolean same = others.stream().anyMatch(o -> Objects.equals(mine, inode(o, rule.type())));
            if (rule.same() && !same) {
                return who + " runs but in a " + rule.type() + " namespace of its own (expected " + other + ")";
            }
            if (!rule.same() && same) {
                return who + " runs but in " + (rule.other().sandbox() ? "the sandbox's " + rule.type() + " namespace"
                        : "the " + rule.type() + " namespace of " + rule.other().describe()) + " (expected its own)";
            }
        }
        if (c.seccomp() != null && !c.seccomp().equals(p.seccomp())) {
            return who + " runs with seccomp mode " + seccomp(p.seccomp()) + " (expected " + seccomp(c.seccomp()) + ")";
        }
        if (c.capEff() != null) {
            Optional<String> want = Answers.normalize(c.capEff(), AnswerCheck.Normalize.HEX);
            Optional<String> have = Answers.normalize(p.capEff(), AnswerCheck.Normalize.HEX);
            if (!want.equals(have)) {
                return who + " runs with effective capabilities " + p.capEff() + " (expected " + c.capEff() + ")";
            }
        }
        for (String cap : c.capAdded()) {
            if (!Capabilities.has(p.capEff(), cap)) return who + " runs without " + cap + " (expected it added)";
        }
        for (String cap : c.capDropped()) {
            if (Capabilities.has(p.capEff(), cap)) return who + " still has " + cap + " (expected it dropped)";
        }
        return null;
    }

    private static String seccomp(Integer mode) {
        if (mode == null) return "unknown";
        return switch (mode) {
            case 0 -> "0 (off)";
            case 1 -> "1 (strict)";
            default -> mode + " (filter)";
        };
    }

    static Long inode(ProcessInfo p, String type) {
        return p.ns() == null ? null : p.ns().get(type);
    }

    static Outcome namespace(SandboxView view, NamespaceCheck c) {
        List<ProcessInfo> a = resolve(view, c.a());
        List<ProcessInfo> b = resolve(view, c.b());
        if (a.isEmpty()) return Outcome.fail(notRunning(c.a()));
        if (b.isEmpty()) return Outcome.fail(notRunning(c.b()));
        String type = c.type();
        boolean anyShared = a.stream().anyMatch(x -> b.stream().anyMatch(y -> Objects.equals(inode(x, type), inode(y, type))
                && inode(x, type) != null));
        boolean anySeparate = a.stream().anyMatch(x -> b.stream().noneMatch(y -> Objects.equals(inode(x, type), inode(y, type))));
        if (c.shared() && !anyShared) {
            return Outcome.fail(c.a().describe() + " and " + c.b().describe() + " are in different " + type
                    + " namespaces (expected one shared)");
        }
        if (!c.shared() && !anySeparate) {
            return Outcome.fail(c.a().describe() + " and " + c.b().describe() + " share one " + type
                    + " namespace (expected separate ones)");
        }
        return Outcome.pass();
    }

    private static String notRunning(Target t) {
        if (t.command() != null) return "no process matching " + t.describe() + " is running";
        if (t.container() != null) return "no process runs in container " + Check.code(t.container()) + " (is it running?)";
        return "the sandbox's init process was not found";
    }
}
