package io.isolab.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTest {

    @Test
    void keepsBlankLinesInsideAndDropsTrailingOnes() {
        assertThat(Scripts.lines("cat > f <<EOF\r\na\n\nb\nEOF\n\n")).containsExactly("cat > f <<EOF", "a", "", "b", "EOF");
        assertThat(Scripts.lines(null)).isEmpty();
        assertThat(Scripts.lines("\n")).isEmpty();
    }

    @Test
    void aWrongAnswerNeverEqualsTheRightOne() {
        assertThat(StepTester.wrongFor("4026531840")).isEqualTo("0");
        assertThat(StepTester.wrongFor(" 0 ")).isEqualTo("1");
        assertThat(StepTester.wrongFor(null)).isEqualTo("0");
    }
}
