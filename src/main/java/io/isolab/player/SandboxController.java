package io.isolab.player;

import io.isolab.catalog.Lab;
import io.isolab.learner.Learner;
import io.isolab.runtime.LabRuntime;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.sandbox.Preparation;
import io.isolab.sandbox.SandboxStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learner's sandbox for a lab. POST starts it (or returns it) and prepares the given step;
 * the page then polls GET until it is ready. Agent failures become 503 JSON (see ErrorAdvice).
 */
@RestController
public class SandboxController {
    private final Labs labs;
    private final LabSandboxes sandboxes;
    private final LabRuntime runtime;

    private final Progresses progresses;

    public SandboxController(Labs labs, LabSandboxes sandboxes, LabRuntime runtime, Progresses progresses) {
        this.labs = labs;
        this.sandboxes = sandboxes;
        this.runtime = runtime;
        this.progresses = progresses;
    }

    /** Prepares {@code step}; steps the learner passed before it are replayed into a fresh sandbox (resume). */
    private Preparation preparation(Lab lab, int step, Learner learner) {
        return runtime.forStep(lab, labs.step(lab, step).number(), progresses.of(learner, lab).completedSteps());
    }

    @PostMapping("/labs/{id}/sandbox")
    public SandboxStatus start(@PathVariable String id, @RequestParam(defaultValue = "1") int step, Learner learner) {
        Lab lab = labs.lab(id);
        return sandboxes.ensure(learner.id(), lab.id(), preparation(lab, step, learner));
    }

    @GetMapping("/labs/{id}/sandbox")
    public SandboxStatus status(@PathVariable String id, Learner learner) {
        return sandboxes.status(learner.id(), labs.lab(id).id());
    }

    @DeleteMapping("/labs/{id}/sandbox")
    public SandboxStatus restart(@PathVariable String id, @RequestParam(defaultValue = "1") int step, Learner learner) {
        Lab lab = labs.lab(id);
        return sandboxes.restart(learner.id(), lab.id(), preparation(lab, step, learner));
    }

    @PostMapping("/labs/{id}/sandbox/extend")
    public SandboxStatus extend(@PathVariable String id, Learner learner) {
        return sandboxes.extend(learner.id(), labs.lab(id).id());
    }
}
