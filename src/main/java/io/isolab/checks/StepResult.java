package io.isolab.checks;

import java.util.List;

/** All conditions of a step, evaluated once against the live sandbox. */
public record StepResult(List<ConditionResult> conditions) {

    public boolean passed() {
        return conditions.stream().allMatch(ConditionResult::passed);
    }
}
