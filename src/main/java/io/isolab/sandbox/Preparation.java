package io.isolab.sandbox;

import java.util.function.Consumer;

/**
 * Work done inside a fresh or existing sandbox before the learner uses it (assets, setup scripts).
 * Must be idempotent: it runs again whenever the learner opens another step.
 */
@FunctionalInterface
public interface Preparation {

    /**
     * @param progress receives short human messages ("running lab setup") as work proceeds
     * @return a note for the learner shown with the ready sandbox ("Replayed your solutions of steps 1–2 …"),
     *         or null
     */
    String prepare(String sandboxId, Consumer<String> progress);
}
