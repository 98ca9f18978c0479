package io.isolab.testing;

import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.checks.ConditionResult;
import io.isolab.checks.StepChecker;
import io.isolab.checks.StepResult;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The player tests' own StepChecker: runs {@code script} conditions in the real sandbox and compares
 * {@code answer} conditions whose value is a script. Enough to drive the player end to end without
 * depending on the checks package.
 */
public class ScriptStepChecker implements StepChecker {
    private final AgentClient agent;

    public ScriptStepChecker(AgentClient agent) {
        this.agent = agent;
    }

    @Override
    public StepResult check(Lab lab, Step step, String sandboxId, List<String> answers) {
        List<ConditionResult> results = new ArrayList<>();
        int answer = 0;
        for (Condition condition : step.checks()) {
            if (condition.kind().equals("script")) {
                ExecResult r = agent.shell(sandboxId, (String) condition.params().get("run"), 10);
                results.add(new ConditionResult("`" + condition.params().get("run") + "` succeeds", r.ok(),
                        r.ok() ? null : "it exited with " + r.exitCode(), r.ok() ? null : condition.hint(),
                        r.ok() ? null : r.stdout() + r.stderr()));
            } else if (condition.kind().equals("answer")) {
                String given = answer < answers.size() ? answers.get(answer).strip() : "";
                answer++;
                String expected;
                if (condition.params().get("value") instanceof Map<?, ?> value) {
                    expected = agent.shell(sandboxId, (String) value.get("script"), 10).stdout().strip();
                } else {
                    expected = String.valueOf(condition.params().get("expected"));
                }
                boolean ok = expected.equals(given);
                results.add(new ConditionResult("answer: " + condition.params().get("prompt"), ok,
                        ok ? null : "\"" + given + "\" is not the right answer", condition.hint(), null));
            }
        }
        return new StepResult(results);
    }
}
