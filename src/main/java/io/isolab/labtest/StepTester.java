package io.isolab.labtest;

import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.checks.StepChecker;
import io.isolab.checks.StepResult;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.ExecResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step, as a learner would do it in a live sandbox: its setup and foreground run, its checks
 * must FAIL (with wrong answers), its solution is typed into terminal 1, and then its checks must
 * PASS (with the answers its {@code answers} commands print) while wrong answers still fail.
 */
final class StepTester {
    /** A wrong answer for every kind of answer check: no PID, inode, capability set or quiz choice is "0". */
    static final String WRONG = "0";

    private final AgentClient agent;
    private final StepChecker checker;
    private final LabTestSettings settings;

    StepTester(AgentClient agent, StepChecker checker, LabTestSettings settings) {
        this.agent = agent;
        this.checker = checker;
        this.settings = settings;
    }

    StepReport test(Lab lab, Step step, String sandboxId, Terminal terminal) throws LabTestException {
        long start = System.nanoTime();
        String name = lab.id() + "/step " + step.number() + " " + step.title();
        String file = "labs/" + step.source();
        if (!Scripts.isBlank(step.setup())) {
            Setup.run(agent, sandboxId, step.setup(), settings.setupLimit(), "step " + step.number() + " setup (" + file + ")");
        }
        if (!Scripts.isBlank(step.foreground())) {
            terminal.type(step.foreground(), settings.quiet(), settings.lineCap());
        }
        boolean hasChecks = !step.checks().isEmpty();
        int answerChecks = (int) step.checks().stream().filter(c -> "answer".equals(c.kind())).count();
        List<String> problems = new ArrayList<>();

        if (hasChecks) {
            StepResult before = checker.check(lab, step, sandboxId, Collections.nCopies(answerChecks, WRONG));
            if (before.passed()) {
                problems.add("its checks PASS BEFORE the solution ran (answers '" + WRONG + "'), so they cannot tell "
                        + "a learner who did the step from one who did not:\n" + Explain.conditions(before, false).indent(2));
            }
        }
        String solution = step.solution();
        String note = "";
        if (Scripts.isBlank(solution)) {
            // imported scenarios often have no solution: their Run buttons ({{exec}}) are the way through
            solution = RunBlocks.terminalOneScript(RunBlocks.from(step.html()));
            note = Scripts.isBlank(solution) ? "" : " [no solution: typed its Run blocks]";
        }
        if (Scripts.isBlank(solution)) {
            if (!hasChecks) return skipped(name, step, start, "no checks and no solution");
            return failed(name, step, start, "has checks but neither a solution nor Run blocks to test them with ("
                    + file + ")", true);
        }
        terminal.type(solution, settings.quiet(), settings.lineCap());
        if (!hasChecks) return skipped(name, step, start, "no checks; solution typed" + note);

        Poll poll = pollUntilPassed(lab, step, sandboxId, terminal);
        if (!poll.result().passed()) {
            problems.add("its checks still FAIL after the solution" + note + " (polled " + poll.rounds() + " times, last "
                    + Explain.seconds(start) + " into the step):\n" + Explain.conditions(poll.result(), true).indent(2)
                    + Explain.answers(poll.answers(), poll.answerErrors()).indent(2));
            return failed(name, step, start, String.join("\n", problems) + "\n" + Explain.terminalTail(terminal), true);
        }
        boolean wrongChecked = false;
        if (answerChecks > 0) {
            List<String> wrong = poll.answers().stream().map(StepTester::wrongFor).toList();
            StepResult after = checker.check(lab, step, sandboxId, wrong);
            wrongChecked = true;
            if (after.passed()) {
                problems.add("after the solution it ACCEPTS WRONG answers " + wrong + " (right ones: " + poll.answers() + ")");
            }
        }
        if (!problems.isEmpty()) {
            return failed(name, step, start, String.join("\n", problems) + "\n" + Explain.terminalTail(terminal), false);
        }
        String summary = name + ": fails before ✓, passes after ✓" + (wrongChecked ? ", wrong answer fails ✓" : "")
                + " (" + Explain.seconds(start) + ")" + note;
        return new StepReport(step.number(), step.title(), StepReport.Status.PASSED, summary, "", false);
    }

    /** A wrong answer that differs from the right one. */
    static String wrongFor(String right) {
        return WRONG.equals(right == null ? "" : right.strip()) ? "1" : WRONG;
    }

    private record Poll(StepResult result, List<String> answers, List<String> answerErrors, int rounds) {
    }

    /**
     * Polls the checks until they pass, or until the terminal has been quiet for
     * {@code passWithin} (a long pull keeps printing progress, so it keeps the wait open), with an
     * absolute cap so a spinner that never stops cannot hang the run.
     */
    private Poll pollUntilPassed(Lab lab, Step step, String sandboxId, Terminal terminal) throws LabTestException {
        long started = System.nanoTime();
        long absoluteCap = settings.passWithin().multipliedBy(4).toNanos();
        int rounds = 0;
        while (true) {
            rounds++;
            List<String> answers = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            runAnswers(step, sandboxId, answers, errors);
            StepResult result = checker.check(lab, step, sandboxId, answers);
            boolean quietLongEnough = terminal.transcript().quietNanos() >= settings.passWithin().toNanos()
                    && System.nanoTime() - started >= settings.passWithin().toNanos();
            if (result.passed() || quietLongEnough || System.nanoTime() - started >= absoluteCap) {
                return new Poll(result, answers, errors, rounds);
            }
            try {
                Thread.sleep(settings.pollEvery().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabTestException("interrupted while waiting for the checks of " + step.source());
            }
        }
    }

    /** Each answer command's trimmed stdout is what the learner types; failures are kept for the report. */
    private void runAnswers(Step step, String sandboxId, List<String> answers, List<String> errors) {
        List<String> commands = step.answers() == null ? List.of() : step.answers();
        for (int i = 0; i < commands.size(); i++) {
            ExecResult r = agent.exec(sandboxId, List.of("bash", "-c", commands.get(i)), 30);
            answers.add(r.stdout() == null ? "" : r.stdout().strip());
            if (!r.ok()) {
                errors.add("answer command " + (i + 1) + " `" + commands.get(i).strip() + "` exited " + r.exitCode()
                        + (r.timedOut() ? " (timed out)" : "") + ": " + (r.stderr() == null ? "" : r.stderr().strip()));
            }
        }
    }

    private static StepReport skipped(String name, Step step, long start, String why) {
        return new StepReport(step.number(), step.title(), StepReport.Status.SKIPPED,
                name + ": skipped, " + why + " (" + Explain.seconds(start) + ")", "", false);
    }

    private static StepReport failed(String name, Step step, long start, String details, boolean fatal) {
        String summary = "FAIL " + name + " (labs/" + step.source() + ", " + Explain.seconds(start) + ")";
        return new StepReport(step.number(), step.title(), StepReport.Status.FAILED, summary, details, fatal);
    }
}
