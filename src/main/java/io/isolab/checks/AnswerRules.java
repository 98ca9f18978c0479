package io.isolab.checks;

import io.isolab.checks.AnswerCheck.CapEffOf;
import io.isolab.checks.AnswerCheck.Fixed;
import io.isolab.checks.AnswerCheck.NsOf;
import io.isolab.checks.AnswerCheck.PidOf;
import io.isolab.checks.AnswerCheck.Script;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.ProcessInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * answer conditions: the learner's typed value against the value read at this moment. Reasons never
 * reveal the right value.
 */
final class AnswerRules {
    private AnswerRules() {
    }

    static Outcome answer(SandboxView view, AnswerCheck c, String given) {
        if (given == null || given.isBlank()) return Outcome.fail("no answer given yet");
        if (c.source() instanceof Fixed fixed) {
            return fixed(fixed, given);
        }
        String shown = given.strip().length() > 40 ? given.strip().substring(0, 40) + "…" : given.strip();
        Optional<String> mine = Answers.normalize(given, c.normalize());
        if (mine.isEmpty()) return Outcome.fail("your answer " + Check.code(shown) + " is not " + Answers.kindName(c.normalize()));
        List<String> expected;
        String notIt;
        switch (c.source()) {
            case PidOf pidOf -> {
                List<ProcessInfo> procs = ProcessRules.resolve(view, new Target(pidOf.command(), null));
                if (procs.isEmpty()) return Outcome.fail(notRunning(pidOf.command().pattern()) + ", so there is no pid to compare with");
                expected = procs.stream().map(p -> sandboxPid(view, p)).filter(Objects::nonNull).toList();
                notIt = "is not the pid of " + Check.code(pidOf.command().pattern()) + " (it runs now, ask ps)";
            }
            case NsOf nsOf -> {
                List<ProcessInfo> procs = ProcessRules.resolve(view, nsOf.target());
                if (procs.isEmpty()) return Outcome.fail(nsOf.target().describe() + " is not running, so there is no namespace to compare with");
                expected = procs.stream().map(p -> ProcessRules.inode(p, nsOf.type())).filter(Objects::nonNull)
                        .map(String::valueOf).toList();
                notIt = "is not the " + nsOf.type() + " namespace of " + nsOf.target().describe()
                        + " (ls -l /proc/<pid>/ns shows it)";
            }
            case CapEffOf capEffOf -> {
                List<ProcessInfo> procs = ProcessRules.resolve(view, new Target(capEffOf.command(), null));
                if (procs.isEmpty()) return Outcome.fail(notRunning(capEffOf.command().pattern()) + ", so there is nothing to compare with");
                expected = procs.stream().map(ProcessInfo::capEff).filter(Objects::nonNull).toList();
                notIt = "is not the effective capability mask of " + Check.code(capEffOf.command().pattern())
                        + " (grep CapEff /proc/<pid>/status shows it)";
            }
            case Fixed fixed -> throw new IllegalStateException("fixed answers are compared above");
            case Script script -> {
                ExecResult r = view.run(script.run(), 10);
                if (!r.ok()) {
                    return Outcome.fail("the right value could not be read (" + (r.timedOut() ? "the script timed out"
                            : "the script exited with code " + r.exitCode()) + ")", ScriptRules.output(r));
                }
                expected = List.of(r.stdout() == null ? "" : r.stdout().strip());
                notIt = "is not right";
            }
        }
        boolean right = expected.stream().map(e -> Answers.normalize(e, c.normalize())).anyMatch(mine::equals);
        return right ? Outcome.pass() : Outcome.fail("your answer " + Check.code(shown) + " " + notIt);
    }

    private static Outcome fixed(Fixed quiz, String given) {
        List<String> right = quiz.expected().stream().map(AnswerRules::folded).toList();
        String mine = folded(given);
        boolean ok = switch (quiz.match()) {
            case EXACT, SINGLE -> right.contains(mine);
            case CONTAINS -> right.stream().anyMatch(mine::contains);
            case MULTIPLE -> java.util.Set.copyOf(right).equals(java.util.Arrays.stream(mine.split("\\s*[,;\\n]\\s*"))
                    .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toSet()));
        };
        return ok ? Outcome.pass() : Outcome.fail("that is not the answer the lab expects");
    }

    private static String folded(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static String notRunning(String command) {
        return "no process matching " + Check.code(command) + " is running";
    }

    /** The pid ps inside the sandbox shows; for a process of the sandbox itself the probe's nsPid is that pid. */
    private static String sandboxPid(SandboxView view, ProcessInfo p) {
        var pid = view.sandboxPid(p);
        if (pid.isPresent()) return String.valueOf(pid.getAsInt());
        return p.container() == null && p.nsPid() != null ? String.valueOf(p.nsPid()) : null;
    }
}
