package io.isolab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each authoring mistake is reported at its exact file:line, and only the broken lab is left out. */
class ValidationTest {

    private static final String LAB = """
            title: Broken on purpose
            summary: A lab with one mistake.
            topic: processes
            """;
    private static final String STEP = """
            ---
            title: A step
            checks:
              - file: {path: /tmp/x}
            ---
            Do something.
            """;

    @TempDir
    Path labs;

    private CatalogSnapshot loadWith(String labYaml, String stepName, String step) {
        Fixtures.copyTo(labs);
        Fixtures.write(labs.resolve("bad/lab.yaml"), labYaml);
        if (stepName != null) {
            Fixtures.write(labs.resolve("bad").resolve(stepName), step);
        }
        return new CatalogLoader().load(labs);
    }

    private static void assertOnly(CatalogSnapshot s, String location, String messagePart) {
        assertThat(s.problems()).hasSize(1);
        LabProblem p = s.problems().get(0);
        assertThat(p.location()).isEqualTo(location);
        assertThat(p.message()).contains(messagePart);
        assertThat(s.labs()).extracting(Lab::id).containsExactly("proc-basics", "kc-basics", "kata-docker");
    }

    @Test
    void aValidLabLoads() {
        CatalogSnapshot s = loadWith(LAB, "01-a-step.md", STEP);
        assertThat(s.problems()).isEmpty();
        assertThat(s.labs()).extracting(Lab::id).contains("bad");
    }

    @Test
    void yamlSyntaxErrorInLabYaml() {
        CatalogSnapshot s = loadWith("title: Broken\nsummary: [unclosed\ntopic: processes\n", "01-a-step.md", STEP);
        assertThat(s.problems()).hasSize(1);
        // where the parser gave up, and where the unclosed sequence started
        assertThat(s.problems().get(0).location()).isEqualTo("labs/bad/lab.yaml:3");
        assertThat(s.problems().get(0).message()).startsWith("YAML syntax error").contains("started at line 2");
    }

    @Test
    void yamlSyntaxErrorInFrontMatterCountsFileLines() {
        String step = "---\ntitle: A step\nchecks:\n  - file: {path: /tmp/x\n---\nText.\n";
        CatalogSnapshot s = loadWith(LAB, "01-a-step.md", step);
        assertThat(s.problems()).hasSize(1);
        // the unclosed flow mapping is on line 3 of the front matter, line 4 of the file
        assertThat(s.problems().get(0).location()).isEqualTo("labs/bad/01-a-step.md:4");
        assertThat(s.problems().get(0).message()).startsWith("YAML syntax error");
    }

    @Test
    void duplicateKeyInFrontMatter() {
        String step = STEP.replace("title: A step\n", "title: A step\nchecks: []\n");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:4", "duplicate key `checks`");
    }

    @Test
    void missingTitle() {
        assertOnly(loadWith("summary: no title\ntopic: processes\n", "01-a-step.md", STEP),
                "labs/bad/lab.yaml:1", "missing `title`");
    }

    @Test
    void unknownTopicWhenMindMapPresent() {
        assertOnly(loadWith(LAB.replace("topic: processes", "topic: nope"), "01-a-step.md", STEP),
                "labs/bad/lab.yaml:3", "unknown topic `nope`");
    }

    @Test
    void anyTopicWithoutMindMap(@TempDir Path bare) {
        Fixtures.write(bare.resolve("bad/lab.yaml"), LAB.replace("topic: processes", "topic: nope"));
        Fixtures.write(bare.resolve("bad/01-a-step.md"), STEP);
        CatalogSnapshot s = new CatalogLoader().load(bare);
        assertThat(s.problems()).isEmpty();
        assertThat(s.labs()).singleElement().extracting(Lab::topic).isEqualTo("nope");
    }

    @Test
    void checkItemWithoutKind() {
        String step = STEP.replace("  - file: {path: /tmp/x}", "  - file: {path: /tmp/x}\n  - hint: only a hint");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:5", "exactly one kind key, found none");
    }

    @Test
    void checkItemWithTwoKinds() {
        String step = STEP.replace("  - file: {path: /tmp/x}", "  - file: {path: /tmp/x}\n  - volume: {name: a}\n    network: {name: b}");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:5", "found 2 (volume, network)");
    }

    @Test
    void unknownKind() {
        String step = STEP.replace("  - file: {path: /tmp/x}", "  - file: {path: /tmp/x}\n  - hint: h\n    proces: {command: x}");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:6", "unknown check kind `proces`");
    }

    @Test
    void answersCountMustMatchAnswerChecks() {
        String step = STEP.replace("  - file: {path: /tmp/x}",
                "  - answer: {prompt: a, value: {pidOf: x}}\n  - answer: {prompt: b, value: {pidOf: y}}\nanswers:\n  - pgrep x");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:6", "2 answer check(s) but 1 `answers`");
    }

    @Test
    void answerChecksWithoutAnswersPointAtTheFirstAnswerCheck() {
        String step = STEP.replace("  - file: {path: /tmp/x}", "  - file: {path: /tmp/x}\n  - answer: {prompt: a, value: {pidOf: x}}");
        assertOnly(loadWith(LAB, "01-a-step.md", step), "labs/bad/01-a-step.md:5", "1 answer check(s) but 0");
    }

    @Test
    void stepFileNameMustBeNnSlug() {
        CatalogSnapshot s = loadWith(LAB, "01-a-step.md", STEP);
        Fixtures.write(labs.resolve("bad/2-Second.md"), STEP);
        s = new CatalogLoader().load(labs);
        assertOnly(s, "labs/bad/2-Second.md:1", "NN-slug.md");
    }

    @Test
    void labWithoutSteps() {
        assertOnly(loadWith(LAB, null, null), "labs/bad/lab.yaml:1", "no steps");
    }

    @Test
    void emptyStepBody() {
        assertOnly(loadWith(LAB, "01-a-step.md", STEP.replace("Do something.\n", "\n\n")),
                "labs/bad/01-a-step.md:6", "empty step");
    }

    @Test
    void stepWithoutFrontMatter() {
        assertOnly(loadWith(LAB, "01-a-step.md", "# Just text\n"), "labs/bad/01-a-step.md:1", "front matter");
    }

    @Test
    void severalMistakesInOneLabAreAllReported() {
        String step = STEP.replace("  - file: {path: /tmp/x}", "  - filez: {path: /tmp/x}\n  - {}");
        CatalogSnapshot s = loadWith("summary: x\n", "01-a-step.md", step);
        assertThat(s.problems()).extracting(LabProblem::location)
                .containsExactly("labs/bad/lab.yaml:1", "labs/bad/01-a-step.md:4", "labs/bad/01-a-step.md:5");
    }

    @Test
    void mindMapDuplicateAndUnknownChild(@TempDir Path dir) {
        Fixtures.write(dir.resolve("mindmap.yaml"), """
                topics:
                  - id: a
                    title: A
                    children: [b, ghost]
                  - id: b
                    title: B
                  - id: a
                    title: A again
                """);
        CatalogSnapshot s = new CatalogLoader().load(dir);
        assertThat(s.problems()).containsExactly(
                new LabProblem("labs/mindmap.yaml:7", "duplicate topic id `a`"),
                new LabProblem("labs/mindmap.yaml:4", "topic `a` lists unknown child topic `ghost`"));
        assertThat(s.mindMap().topics()).extracting(Topic::id).containsExactly("a", "b");
    }

    @Test
    void scenarioWithMissingTextAndBadJson(@TempDir Path dir) {
        Fixtures.write(dir.resolve("missing/index.json"), """
                {
                  "title": "Missing text",
                  "details": {"steps": [
                    {"text": "step1.md"}
                  ]}
                }
                """);
        Fixtures.write(dir.resolve("badjson/index.json"), "{\n  \"title\": \"x\"\n  \"details\": {}\n}\n");
        Fixtures.write(dir.resolve("fine/index.json"), "{\"title\": \"Fine\", \"details\": {\"steps\": [{\"text\": \"s.md\"}]}}");
        Fixtures.write(dir.resolve("fine/s.md"), "Hello");
        CatalogSnapshot s = new CatalogLoader().load(dir);
        assertThat(s.problems()).extracting(LabProblem::toString).containsExactly(
                "labs/badjson/index.json:3: JSON syntax error: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                "labs/missing/index.json:4: `text` file not found: step1.md");
        assertThat(s.labs()).extracting(Lab::id).isEqualTo(List.of("fine"));
    }
}
