package io.isolab.authors;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.catalog.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintMainTest {

    @TempDir
    Path labs;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int lint(String... args) {
        return LintMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cleanLabsExitZero() {
        Fixtures.copyTo(labs);
        assertThat(lint("--labs-dir", labs.toString())).isZero();
        assertThat(output()).isEqualTo("3 labs OK" + System.lineSeparator());
    }

    @Test
    void problemsArePrintedAsFileLineMessageAndExitOne() {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("bad/lab.yaml"), "summary: no title\n");
        Fixtures.write(labs.resolve("bad/01-s.md"), "---\ntitle: S\nchecks:\n  - proces: {command: x}\n---\nText\n");
        assertThat(lint("--labs-dir", labs.toString())).isEqualTo(1);
        assertThat(output().lines()).containsExactly(
                "labs/bad/lab.yaml:1: missing `title`",
                "labs/bad/01-s.md:4: unknown check kind `proces` (known: process, namespace, cgroup, container, "
                        + "image, network, volume, file, http, answer, script)",
                "3 labs OK, 2 problems");
    }

    @Test
    void aMistakeInsideACheckIsReportedWithItsLineAndTheLabLeftOut() {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("typo/lab.yaml"), "title: Typo\n");
        Fixtures.write(labs.resolve("typo/01-s.md"),
                "---\ntitle: S\nchecks:\n  - process: {command: x}\n  - volume: {nme: data}\n---\nText\n");
        assertThat(lint("--labs-dir", labs.toString())).isEqualTo(1);
        assertThat(output().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("labs/typo/01-s.md:5: volume: unknown parameter `nme`"));
        assertThat(output()).endsWith("3 labs OK, 2 problems" + System.lineSeparator());
    }

    @Test
    void labIdsLimitTheReport() {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("bad/lab.yaml"), "summary: no title\n");
        assertThat(lint("--labs-dir=" + labs, "kc-basics", "proc-basics")).isZero();
        assertThat(output()).isEqualTo("2 labs OK" + System.lineSeparator());
        out.reset();
        assertThat(lint("--labs-dir", labs.toString(), "bad")).isEqualTo(1);
        assertThat(output()).startsWith("labs/bad/lab.yaml:1: missing `title`").endsWith("0 labs OK, 2 problems" + System.lineSeparator());
        out.reset();
        assertThat(lint("--labs-dir", labs.toString(), "ghost")).isEqualTo(1);
        assertThat(output()).startsWith("labs/ghost: no such lab");
    }

    @Test
    void missingLabsDirAndBadArgs() {
        assertThat(lint("--labs-dir", labs.resolve("nope").toString())).isEqualTo(1);
        assertThat(output()).startsWith("labs: labs folder not found");
        assertThat(lint("--labs-dir")).isEqualTo(2);
        assertThat(lint("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: LintMain");
    }
}
