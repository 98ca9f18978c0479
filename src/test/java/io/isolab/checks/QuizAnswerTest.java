package io.isolab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.catalog.Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Katacoda quiz questions become answer conditions with a fixed right answer. */
class QuizAnswerTest {
    private final ConditionParser parser = new ConditionParser();

    private boolean answers(Map<String, Object> params, String given) {
        AnswerCheck check = (AnswerCheck) parser.parse(new Condition("answer", params, null, "labs/q/step1.md:3"));
        return AnswerRules.answer(null, check, given).passed();
    }

    @Test
    void exactIgnoresCaseAndBlanks() {
        Map<String, Object> q = Map.of("prompt", "Which command lists containers?", "expected", "docker ps", "match", "exact");
        assertThat(answers(q, "  Docker   PS ")).isTrue();
        assertThat(answers(q, "docker images")).isFalse();
    }

    @Test
    void containsAcceptsLongerAnswers() {
        Map<String, Object> q = Map.of("prompt", "Flag for a port?", "expected", "-p", "match", "contains");
        assertThat(answers(q, "docker run -p 80:80")).isTrue();
        assertThat(answers(q, "docker run")).isFalse();
    }

    @Test
    void multipleNeedsExactlyTheRightOptions() {
        Map<String, Object> q = Map.of("prompt", "Namespaces?", "expected", List.of("pid", "net"),
                "match", "multiple", "options", List.of("pid", "net", "disk"));
        assertThat(answers(q, "net, pid")).isTrue();
        assertThat(answers(q, "net")).isFalse();
        assertThat(answers(q, "net, pid, disk")).isFalse();
    }

    @Test
    void badMatchIsAnAuthoringProblem() {
        assertThat(parser.problems(new Condition("answer", Map.of("prompt", "?", "expected", "x", "match", "fuzzy"),
                null, "labs/q/step1.md:3"))).singleElement().asString()
                .startsWith("labs/q/step1.md:3: answer.match: must be exact, contains, single or multiple");
    }
}
