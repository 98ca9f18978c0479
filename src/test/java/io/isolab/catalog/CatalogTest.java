package io.isolab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path labs;

    @Test
    void labsInMindMapTopicOrderThenOrderThenTitle() {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("aaa/lab.yaml"), "title: Zebra\ntopic: processes\norder: 10\n");
        Fixtures.write(labs.resolve("aaa/01-s.md"), "---\ntitle: S\n---\nText\n");
        Fixtures.write(labs.resolve("bbb/lab.yaml"), "title: Alpha\ntopic: processes\norder: 10\n");
        Fixtures.write(labs.resolve("bbb/01-s.md"), "---\ntitle: S\n---\nText\n");
        Fixtures.write(labs.resolve("ccc/lab.yaml"), "title: Early\ntopic: namespaces\norder: 1\n");
        Fixtures.write(labs.resolve("ccc/01-s.md"), "---\ntitle: S\n---\nText\n");
        Catalog catalog = new Catalog(labs, Duration.ofMillis(10));
        assertThat(catalog.labs()).extracting(Lab::id)
                .containsExactly("bbb", "proc-basics", "aaa", "ccc", "kc-basics", "kata-docker");
        assertThat(catalog.lab("kc-basics")).isPresent();
        assertThat(catalog.lab("nope")).isEmpty();
        assertThat(catalog.mindMap().topics()).extracting(Topic::id).containsExactly("processes", "namespaces");
        assertThat(catalog.mindMap().topic("processes").orElseThrow().children()).containsExactly("namespaces");
    }

    @Test
    void brokenLabIsLeftOutAndTheRestLoads() {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("kc-basics/index.json"), "{ not json");
        Catalog catalog = new Catalog(labs, Duration.ofSeconds(1));
        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("proc-basics", "kata-docker");
        assertThat(catalog.problems()).singleElement().extracting(LabProblem::location)
                .isEqualTo("labs/kc-basics/index.json:1");
    }

    @Test
    void hotReloadPicksUpAnEditWithoutRestart() throws Exception {
        Fixtures.copyTo(labs);
        Catalog catalog = new Catalog(labs, Duration.ofMillis(200));
        assertThat(catalog.lab("proc-basics").orElseThrow().title()).isEqualTo("Processes and /proc");

        Path labYaml = labs.resolve("proc-basics/lab.yaml");
        Files.writeString(labYaml, Files.readString(labYaml).replace("Processes and /proc", "Edited title"));
        eventually(() -> catalog.lab("proc-basics").orElseThrow().title().equals("Edited title"));

        Files.writeString(labYaml, "title: [broken\n");
        eventually(() -> catalog.lab("proc-basics").isEmpty() && !catalog.problems().isEmpty());
        assertThat(catalog.problems()).extracting(LabProblem::location).allMatch(l -> l.startsWith("labs/proc-basics/lab.yaml:"));

        Fixtures.write(labs.resolve("new-lab/lab.yaml"), "title: New\n");
        Fixtures.write(labs.resolve("new-lab/01-s.md"), "---\ntitle: S\n---\nText\n");
        eventually(() -> catalog.lab("new-lab").isPresent());
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
