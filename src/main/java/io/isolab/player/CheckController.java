package io.isolab.player;

import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.checks.ConditionResult;
import io.isolab.checks.StepChecker;
import io.isolab.checks.StepResult;
import io.isolab.learner.Learner;
import io.isolab.progress.ProgressRepository;
import io.isolab.sandbox.AgentException;
import io.isolab.runtime.LabRuntime;
import io.isolab.sandbox.LabSandboxes;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Runs a step's checks against the learner's own sandbox and records the attempt. */
@RestController
public class CheckController {
    private final Labs labs;
    private final StepChecker checker;
    private final LabSandboxes sandboxes;
    private final ProgressRepository progress;

    private final LabRuntime runtime;

    public CheckController(Labs labs, StepChecker checker, LabSandboxes sandboxes, ProgressRepository progress,
                           LabRuntime runtime) {
        this.runtime = runtime;
        this.labs = labs;
        this.checker = checker;
        this.sandboxes = sandboxes;
        this.progress = progress;
    }

    @PostMapping("/labs/{id}/steps/{n}/check")
    public CheckResponse check(@PathVariable String id, @PathVariable int n, Learner learner,
                               @RequestBody(required = false) CheckRequest request) {
        Lab lab = labs.lab(id);
        Step step = labs.step(lab, n);
        String sandboxId = sandboxes.readyId(learner.id(), lab.id()).orElseThrow(() ->
                new AgentException("no-sandbox", 409, "Your sandbox is not running; start it before checking."));
        List<String> answers = request == null || request.answers() == null ? List.of() : request.answers();
        StepResult result = checker.check(lab, step, sandboxId, answers);
        progress.checked(learner.id(), lab.id(), n, result.passed());
        if (result.passed()) runtime.markSolved(sandboxId, n);
        String next = n >= lab.steps().size() ? "/labs/" + id + "/finish" : "/labs/" + id + "/steps/" + (n + 1);
        return new CheckResponse(result.passed(), result.conditions(), result.passed() ? next : null);
    }

    public record CheckRequest(List<String> answers) {
    }

    public record CheckResponse(boolean passed, List<ConditionResult> conditions, String next) {
    }
}
