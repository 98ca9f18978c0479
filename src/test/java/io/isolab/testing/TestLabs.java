package io.isolab.testing;

import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.LabFormat;
import io.isolab.catalog.Step;
import io.isolab.player.LabSource;
import io.isolab.player.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small fixed catalog for player tests: a native lab of two steps and a scenario with intro and finish. */
public class TestLabs implements LabSource {
    public static final String DEMO = "demo";
    public static final String SCENARIO = "scenario-demo";

    private final List<Lab> labs;

    public TestLabs(Path dir) {
        Step shell = new Step(1, "shell", "Meet your shell",
                "<p>Your sandbox is a real Linux machine.</p>"
                        + "<pre data-action=\"run\" data-terminal=\"1\"><code>echo isolab-$((6*7))</code></pre>",
                false, null, null,
                List.of(new Condition("script", Map.of("run", "pgrep -x bash >/dev/null"),
                        "Open the terminal so a shell runs.", "labs/demo/01-shell.md:5")),
                "echo isolab-$((6*7))", List.of(), "demo/01-shell.md");
        Step marker = new Step(2, "marker", "Leave a marker",
                "<p>Create <code>/tmp/marker</code>.</p><pre data-action=\"write\" data-file=\"/tmp/marker\"><code>here</code></pre>"
                        + "<pre data-action=\"run\" data-interrupt=\"\"><code>echo interrupted-$((5*5))</code></pre>",
                true, "rm -f /tmp/marker", null,
                List.of(new Condition("script", Map.of("run", "test -e /tmp/marker"),
                                "Create the file /tmp/marker.", "labs/demo/02-marker.md:5"),
                        new Condition("answer", Map.of("prompt", "What is 6*7?", "value", Map.of("script", "echo 42")),
                                null, "labs/demo/02-marker.md:7")),
                "touch /tmp/marker", List.of("echo 42"), "demo/02-marker.md");
        Lab demo = new Lab(DEMO, LabFormat.NATIVE, "Demo lab", "Two steps to try the player.", "processes", 5, 10,
                "echo setup > /tmp/lab-setup", null, null, List.of(shell, marker), List.of(), dir);
        Step only = new Step(1, "only", "The only step", "<p>Nothing to do.</p>", false, null, "echo foreground",
                List.of(), null, List.of(), "scenario-demo/step1.md");
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
