package io.isolab.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolab.catalog.Condition;
import io.isolab.sandbox.AgentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order, answers, hints and failures of a whole step, on the hand-written sandbox of {@link Fixtures}. */
class LiveStepCheckerTest {
    private final LiveStepChecker checker = new LiveStepChecker(null, new ConditionParser(), FakeSandbox.JSON);
    private final FakeSandbox sandbox = Fixtures.sandbox();

    private static List<Condition> step(String... yaml) {
        return java.util.Arrays.stream(yaml).map(Yaml::condition).toList();
    }

    @Test
    void resultsInOrderWithLabelsHintsAndAnswers() {
        StepResult r = checker.check(step(
                "{process: {command: sleep 1000}, hint: Start it}",
                "{answer: {prompt: first, value: {pidOf: sleep 1000}}, hint: Ask ps}",
                "{container: {name: web}, hint: docker run --name web nginx}",
                "{answer: {prompt: second, value: {pidOf: redis}}}"), sandbox.view(), List.of("57", "81"));
        assertThat(r.conditions()).extracting(ConditionResult::label).containsExactly(
                "a process `sleep 1000` runs", "your answer to \"first\"", "container `web` exists", "your answer to \"second\"");
        assertThat(r.conditions()).extracting(ConditionResult::passed).containsExactly(true, true, false, false);
        assertThat(r.conditions().get(0).hint()).isNull();
        assertThat(r.conditions().get(2).hint()).isEqualTo("docker run --name web nginx");
        assertThat(r.conditions().get(3).reason()).isEqualTo("your answer `81` is not the pid of `redis` (it runs now, ask ps)");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void missingAnswersFail() {
        StepResult r = checker.check(step("answer: {prompt: p, value: {pidOf: sleep 1000}}"), sandbox.view(), List.of());
        assertThat(r.conditions().get(0).reason()).isEqualTo("no answer given yet");
    }

    @Test
    void eachFactIsReadOncePerRun() {
        StepResult r = checker.check(step("process: {command: sleep 1000}", "process: {command: redis}",
                "container: {name: db, running: true}", "container: {name: db, image: redis}",
                "answer: {prompt: a, value: {pidOf: sleep 1000}}", "answer: {prompt: b, value: {pidOf: redis}}"),
                sandbox.view(), List.of("57", "80"));
        assertThat(r.passed()).isTrue();
        assertThat(sandbox.count("processes")).isEqualTo(1);
        assertThat(sandbox.count("docker container inspect 'db'")).isEqualTo(1);
    }

    @Test
    void malformedConditionFailsWithLocation() {
        StepResult r = checker.check(List.of(Yaml.condition("volume: {nme: x}", "labs/demo/03-vol.md:9")), sandbox.view(), null);
        assertThat(r.conditions().get(0).passed()).isFalse();
        assertThat(r.conditions().get(0).reason()).startsWith("this check is written wrongly, tell the lab's author:"
                + " labs/demo/03-vol.md:9: volume: unknown parameter `nme`");
    }

    @Test
    void agentDownFailsEveryConditionOnceWithoutException() {
        sandbox.failure = new AgentException("The sandbox service is unavailable right now (ConnectException). Try again in a moment.",
                new java.net.ConnectException());
        StepResult r = checker.check(step("process: {command: sleep}", "container: {name: db}", "script: {run: 'true'}"),
                sandbox.view(), null);
        assertThat(r.conditions()).allSatisfy(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.reason()).isEqualTo("could not check this right now: The sandbox service is unavailable right now"
                    + " (ConnectException). Try again in a moment.");
        });
        assertThat(sandbox.calls).hasSize(1);
    }

    @Test
    void missingSandboxPropagates() {
        sandbox.failure = new AgentException("not-found", 404, "No sandbox c0ffee.");
        assertThatThrownBy(() -> checker.check(step("process: {command: sleep}"), sandbox.view(), null))
                .isInstanceOf(AgentException.class).hasMessage("No sandbox c0ffee.");
    }
}
