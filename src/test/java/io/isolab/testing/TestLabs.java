package io.isolab.testing;

import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.LabFormat;
import io.isolab.catalog.Step;
import io.isolab.player.LabSource;
import io.isolab.catalog.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small fixed catalog for player tests: a native lab of two steps and a scenario with intro and finish. */
public class TestLabs implements LabSource {
    public static final String DEMO = "demo";
    public static final String SCENARIO = "scenario-demo";

    private final List<Lab> labs;

    public TestLabs(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/pic.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Files.writeString(dir.resolve("lab.yaml"), "title: secret source\n");
        Step shell = new Step(1, "shell", "Meet your shell",
                "<p>Your sandbox is a real Linux machine.</p><img alt=\"picture\" src=\"/labs/demo/files/img/pic.png\">"
                        + "<div class=\"code-block\" data-action=\"run\" data-terminal=\"1\"><pre><code class=\"language-bash\">"
                        + "echo isolab-$((6*7))</code></pre></div>"
                        + "<p>Or click <code class=\"snippet\" data-action=\"run\" data-terminal=\"1\" data-interrupt=\"false\">"
                        + "echo snippet-$((3*3))</code>.</p><pre><code>plain copy block</code></pre>",
                false, null, null,
                List.of(new Condition("script", Map.of("run", "pgrep -x bash >/dev/null"),
                        "Open the terminal so a shell runs.", "labs/demo/01-shell.md:5")),
                "echo isolab-$((6*7))", List.of(), "demo/01-shell.md");
        Step marker = new Step(2, "marker", "Leave a marker",
                "<p>Create <code>/tmp/marker</code>.</p><div class=\"code-block\" data-action=\"write\" data-filename=\"/tmp/marker\""
                        + " data-target=\"replace\"><pre><code>here</code></pre></div>"
                        + "<div class=\"code-block\" data-action=\"run\" data-terminal=\"1\" data-interrupt=\"true\"><pre><code>"
                        + "echo interrupted-$((5*5))</code></pre></div>",
                true, "rm -f /tmp/marker", null,
                List.of(new Condition("script", Map.of("run", "test -e /tmp/marker"),
                                "Create the file /tmp/marker.", "labs/demo/02-marker.md:5"),
                        new Condition("answer", Map.of("prompt", "What is 6*7?", "value", Map.of("script", "echo 42")),
                                null, "labs/demo/02-marker.md:7")),
                "touch /tmp/marker", List.of("echo 42"), "demo/02-marker.md");
        Lab demo = new Lab(DEMO, LabFormat.NATIVE, "Demo lab", "Two steps to try the player.", "processes", 5, 10,
                "echo setup > /tmp/lab-setup", null, null, List.of(shell, marker), List.of(), dir);
        Step only = new Step(1, "only", "The only step",
                "<p>Nothing to do.</p><details class=\"solution\"><summary>Solution</summary><p>Pick b.</p></details>",
                false, null, "echo foreground",
                List.of(new Condition("answer", Map.of("prompt", "Pick one", "options", List.of("a", "b"),
                        "expected", "b", "match", "single"), null, "labs/scenario-demo/step1.md:3")),
                "echo b", List.of("echo b"), "scenario-demo/step1.md");
        Lab scenario = new Lab(SCENARIO, LabFormat.SCENARIO, "Scenario demo", "A Killercoda-style scenario.",
                "unknown-topic", 3, 0, null, "<p>Welcome to the scenario.</p>", "<p>All done here.</p>",
                List.of(only), List.of(), dir);
        this.labs = List.of(demo, scenario);
    }

    @Override
    public List<Lab> labs() {
        return labs;
    }

    @Override
    public Optional<Lab> lab(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    @Override
    public List<Topic> topics() {
        return List.of(
                new Topic("processes", "What is a container", "A container is a process.", List.of("namespaces")),
                new Topic("namespaces", "Namespaces", "What a process can see.", List.of()));
    }
}
