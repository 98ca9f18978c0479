package io.isolab.checks;

import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import java.util.List;

/** Evaluates a step's conditions against a learner's live sandbox. */
public interface StepChecker {

    /**
     * @param answers what the learner typed, one entry per {@code answer} condition in order (may be shorter)
     */
    StepResult check(Lab lab, Step step, String sandboxId, List<String> answers);
}
