package io.isolab.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTestMainTest {
    @TempDir
    Path labs;

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = LabTestMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void anUnknownLabFailsWithoutNeedingAnAgent() throws Exception {
        Files.createDirectories(labs.resolve("real"));
        String out = run(1, "--labs-dir", labs.toString(), "nope");
        assertThat(out).contains("FAIL no lab 'nope' in " + labs).contains("0 of 0 labs passed");
    }

    @Test
    void aLabThatDoesNotLoadIsNamedWithItsProblem() throws Exception {
        Path broken = Files.createDirectories(labs.resolve("broken"));
        Files.writeString(broken.resolve("lab.yaml"), "summary: no title\n");
        String out = run(1, "--labs-dir=" + labs, "broken");
        assertThat(out).contains("lab 'broken' does not load").contains("labs/broken/lab.yaml");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run(2, "--nope")).contains("usage: LabTestMain");
    }

    @Test
    void failureTextNamesLabStepAndDetails() {
        StepReport ok = new StepReport(1, "One", StepReport.Status.PASSED, "lab/step 1 One: fails before ✓", "", false);
        StepReport bad = new StepReport(2, "Two", StepReport.Status.FAILED, "FAIL lab/step 2 Two (labs/lab/02-two.md, 3.0 s)",
                "its checks still FAIL after the solution\n✗ a process `sleep 1` runs: no such process", true);
        LabReport report = new LabReport("lab", List.of(ok, bad), null, List.of(), 4.0);
        assertThat(report.passed()).isFalse();
        assertThat(report.failureText()).contains("FAIL lab/step 2 Two (labs/lab/02-two.md")
                .contains("  ✗ a process `sleep 1` runs: no such process").doesNotContain("step 1");
        assertThat(new LabReport("lab", List.of(ok), null, List.of(), 1.0).passed()).isTrue();
    }
}
