package io.isolab.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a step against the learner's live sandbox: one {@link SandboxView} per call, so each fact is
 * read once. A condition that cannot be read (agent down, Docker engine stuck) fails with a reason;
 * only a missing sandbox (404) propagates, so the player can say "sandbox unavailable".
 */
@Component
public class LiveStepChecker implements StepChecker {
    private static final Logger log = LoggerFactory.getLogger(LiveStepChecker.class);

    private final AgentClient agent;
    private final ConditionParser parser;
    private final ObjectMapper json;

    public LiveStepChecker(AgentClient agent, ConditionParser parser, ObjectMapper json) {
        this.agent = agent;
        this.parser = parser;
        this.json = json;
    }

    @Override
    public StepResult check(Lab lab, Step step, String sandboxId, List<String> answers) {
        return check(step.checks(), new SandboxView(new AgentSandboxAccess(agent, sandboxId), json), answers);
    }

    /** The same against any view; public for tests and tools that bring their own. */
    public StepResult check(List<Condition> conditions, SandboxView view, List<String> answers) {
        List<ConditionResult> results = new ArrayList<>();
        int answerIndex = 0;
        for (Condition condition : conditions) {
            String answer = null;
            if ("answer".equals(condition.kind())) {
                answer = answers != null && answerIndex < answers.size() ? answers.get(answerIndex) : null;
                answerIndex++;
            }
            results.add(evaluate(condition, view, answer));
        }
        return new StepResult(results);
    }

    private ConditionResult evaluate(Condition condition, SandboxView view, String answer) {
        Check check;
        try {
            check = parser.parse(condition);
        } catch (ConditionException e) {
            return new ConditionResult("a " + condition.kind() + " check", false,
                    "this check is written wrongly, tell the lab's author: " + e.getMessage(), condition.hint(), null);
        }
        try {
            Outcome o = ConditionEvaluator.evaluate(check, view, answer);
            return new ConditionResult(check.label(), o.passed(), o.reason(), o.passed() ? null : condition.hint(), o.output());
        } catch (AgentException e) {
            if (e.notFound()) throw e;
            return new ConditionResult(check.label(), false, "could not check this right now: " + e.getMessage(),
                    condition.hint(), null);
        } catch (CheckException e) {
            return new ConditionResult(check.label(), false, e.getMessage(), condition.hint(), null);
        } catch (RuntimeException e) {
            log.warn("check {} at {} failed", condition.kind(), condition.location(), e);
            return new ConditionResult(check.label(), false, "could not check this right now (" + e.getClass().getSimpleName()
                    + ")", condition.hint(), null);
        }
    }
}
