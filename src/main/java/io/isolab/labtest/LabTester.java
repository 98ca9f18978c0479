package io.isolab.labtest;

import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.checks.StepChecker;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.SandboxInfo;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tests one lab the way a learner would take it: a fresh sandbox, its assets and setup, then every
 * step in order in terminal 1 (see {@link StepTester}). A lab that its own solutions cannot solve
 * fails, naming the step, its file, the failing conditions and what the terminal showed. The
 * sandbox is always deleted.
 */
public final class LabTester {
    private static final int SANDBOX_TTL_SECONDS = 3600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentClient agent;
    private final StepTester steps;
    private final LabTestSettings settings;
    private final Consumer<String> progress;

    public LabTester(AgentClient agent, StepChecker checker, LabTestSettings settings, Consumer<String> progress) {
        this.agent = agent;
        this.steps = new StepTester(agent, checker, settings);
        this.settings = settings;
        this.progress = progress;
    }

    public LabReport test(Lab lab) {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        List<StepReport> reports = new ArrayList<>();
        AssetCopier.Resolved assets;
        try {
            assets = AssetCopier.resolve(lab.dir(), lab.assets());
        } catch (LabTestException e) {
            return new LabReport(lab.id(), reports, e.getMessage(), warnings, elapsed(start));
        }
        assets.warnings().forEach(w -> warn(lab, warnings, w));

        String session = "labtest-" + lab.id() + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        progress.accept(lab.id() + ": starting a sandbox (" + session + ")");
        SandboxInfo sandbox;
        try {
            sandbox = agent.create(session, null, SANDBOX_TTL_SECONDS);
        } catch (AgentException e) {
            return new LabReport(lab.id(), reports, "could not start a sandbox: " + e.getMessage() + " (" + e.code() + ")",
                    warnings, elapsed(start));
        }
        String error = null;
        Terminal terminal = null;
        try {
            progress.accept(lab.id() + ": sandbox " + sandbox.id() + " ready after " + Explain.seconds(start));
            AssetCopier.copy(agent, sandbox.id(), assets.files());
            if (!Scripts.isBlank(lab.setup())) {
                progress.accept(lab.id() + ": running lab setup");
                Setup.run(agent, sandbox.id(), lab.setup(), settings.setupLimit(), "lab setup (labs/" + lab.id() + ")");
            }
            terminal = Terminal.open(agent, sandbox.id(), "1");
            for (Step step : lab.steps()) {
                StepReport report = testStep(lab, step, sandbox.id(), terminal);
                reports.add(report);
                progress.accept(report.summary() + (report.failed() ? "\n" + report.details().indent(2).stripTrailing() : ""));
                if (report.fatal() && step.number() < lab.steps().size()) {
                    warn(lab, warnings, "steps after " + step.number() + " not tested: they build on the state step "
                            + step.number() + " should have left");
                    break;
                }
            }
        } catch (LabTestException e) {
            error = e.getMessage();
        } catch (AgentException e) {
            error = "the agent failed: " + e.getMessage() + " (" + e.code() + ")";
        } finally {
            if (terminal != null) terminal.close();
            delete(lab, sandbox.id(), warnings);
        }
        LabReport report = new LabReport(lab.id(), List.copyOf(reports), error, List.copyOf(warnings), elapsed(start));
        progress.accept(lab.id() + (report.passed() ? ": OK" : ": FAILED" + (error == null ? "" : ": " + error))
                + " (" + String.format("%.1f s", report.seconds()) + ")");
        return report;
    }

    private StepReport testStep(Lab lab, Step step, String sandboxId, Terminal terminal) {
        long start = System.nanoTime();
        try {
            return steps.test(lab, step, sandboxId, terminal);
        } catch (LabTestException | RuntimeException e) {
            String why = e instanceof LabTestException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new StepReport(step.number(), step.title(), StepReport.Status.FAILED,
                    "FAIL " + lab.id() + "/step " + step.number() + " " + step.title() + " (labs/" + step.source() + ", "
                            + Explain.seconds(start) + ")",
                    why + "\n" + Explain.terminalTail(terminal), true);
        }
    }

    private void delete(Lab lab, String sandboxId, List<String> warnings) {
        try {
            agent.delete(sandboxId);
        } catch (AgentException e) {
            warn(lab, warnings, "could not delete sandbox " + sandboxId + ": " + e.getMessage());
        }
    }

    private void warn(Lab lab, List<String> warnings, String warning) {
        warnings.add(warning);
        progress.accept(lab.id() + ": warning: " + warning);
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
