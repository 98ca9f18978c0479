package io.isolab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLabReaderTest {

    @TempDir
    Path labs;

    @Test
    void readsLabYamlAndSteps() {
        CatalogSnapshot s = new CatalogLoader().load(Fixtures.copyTo(labs));
        Lab lab = s.labs().stream().filter(l -> l.id().equals("proc-basics")).findFirst().orElseThrow();
        assertThat(lab.format()).isEqualTo(LabFormat.NATIVE);
        assertThat(lab.title()).isEqualTo("Processes and /proc");
        assertThat(lab.summary()).isEqualTo("Find your shell in /proc.");
        assertThat(lab.topic()).isEqualTo("processes");
        assertThat(lab.minutes()).isEqualTo(10);
        assertThat(lab.order()).isEqualTo(10);
        assertThat(lab.setup()).isEqualTo("docker pull busybox\n");
        assertThat(lab.dir()).isEqualTo(labs.resolve("proc-basics"));
        assertThat(lab.steps()).extracting(Step::number, Step::slug)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "find-your-shell"),
                        org.assertj.core.groups.Tuple.tuple(2, "limits"));

        Step one = lab.steps().get(0);
        assertThat(one.title()).isEqualTo("Find your shell in /proc");
        assertThat(one.poll()).isTrue();
        assertThat(one.source()).isEqualTo("proc-basics/01-find-your-shell.md");
        assertThat(one.solution()).isEqualTo("sleep 1000 &\n");
        assertThat(one.answers()).containsExactly("pgrep -f 'sleep 1000'");
        assertThat(one.checks()).containsExactly(
                new Condition("process", Map.of("command", "sleep 1000"), "Start `sleep 1000 &` in the terminal.",
                        "labs/proc-basics/01-find-your-shell.md:5"),
                new Condition("answer", Map.of("prompt", "PID of that sleep", "value", Map.of("pidOf", "sleep 1000")),
                        null, "labs/proc-basics/01-find-your-shell.md:7"));
        Document d = Jsoup.parseBodyFragment(one.html());
        assertThat(d.select("div.code-block")).extracting(e -> e.attr("data-action") + e.attr("data-terminal"))
                .containsExactly("run1", "run2", "copy1", "copy1");
        assertThat(d.select("table th")).hasSize(2);

        Step two = lab.steps().get(1);
        assertThat(two.poll()).isFalse();
        assertThat(two.setup()).isEqualTo("docker rm -f db || true");
        assertThat(two.checks()).extracting(Condition::kind).containsExactly("cgroup", "container");
        assertThat(two.checks().get(1).params()).isEqualTo(Map.of("name", "db", "running", true));
        assertThat(two.checks().get(1).location()).isEqualTo("labs/proc-basics/02-limits.md:6");
        assertThat(two.answers()).isEqualTo(List.of());
    }

    @Test
    void yamlNumbersStayIntegers() {
        Fixtures.write(labs.resolve("n/lab.yaml"), "title: N\n");
        Fixtures.write(labs.resolve("n/01-s.md"), "---\ntitle: S\nchecks:\n  - cgroup: {container: c, pidsLimit: 10}\n---\nText\n");
        Lab lab = new CatalogLoader().load(labs).labs().get(0);
        assertThat(lab.steps().get(0).checks().get(0).params()).containsEntry("pidsLimit", 10);
        assertThat(lab.topic()).isEqualTo(MindMap.MORE);
        assertThat(lab.order()).isEqualTo(NativeLabReader.DEFAULT_ORDER);
    }
}
