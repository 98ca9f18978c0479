package io.isolab.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a native lab: labs/<id>/lab.yaml plus NN-slug.md steps with YAML front matter. */
final class NativeLabReader {

    static final String LAB_FILE = "lab.yaml";
    static final int DEFAULT_ORDER = 1000;
    private static final Pattern STEP_FILE = Pattern.compile("(\\d{2})-([a-z0-9][a-z0-9-]*)\\.md");

    private final MarkdownRenderer markdown;
    private final MindMap mindMap;

    NativeLabReader(MarkdownRenderer markdown, MindMap mindMap) {
        this.markdown = markdown;
        this.mindMap = mindMap;
    }

    /** @return the lab, or null when {@code problems} got at least one entry */
    Lab read(Path dir, String id, List<LabProblem> problems) throws IOException {
        int before = problems.size();
        String file = "labs/" + id + "/" + LAB_FILE;
        YamlTree yaml = new YamlTree(file, 1);
        MappingNode root;
        try {
            root = yaml.parseMapping(Files.readString(dir.resolve(LAB_FILE)));
        } catch (LabReadException e) {
            problems.add(e.problem());
            return null;
        }
        String title = null;
        String summary = null;
        String topic = MindMap.MORE;
        int minutes = 0;
        int order = DEFAULT_ORDER;
        String setup = null;
        try {
            title = yaml.string(root, "title");
            if (title == null || title.isBlank()) {
                problems.add(new LabProblem(file + ":1", "missing `title`"));
            }
            summary = yaml.string(root, "summary");
            topic = topic(yaml, root, problems);
            minutes = yaml.integer(root, "minutes", 0);
            order = yaml.integer(root, "order", DEFAULT_ORDER);
            setup = yaml.string(root, "setup");
        } catch (LabReadException e) {
            problems.add(e.problem());
        }
        List<Step> steps = steps(dir, id, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Lab(id, LabFormat.NATIVE, title, summary == null ? "" : summary, topic, minutes, order, setup,
                null, null, steps, List.of(), dir);
    }

    private String topic(YamlTree yaml, MappingNode root, List<LabProblem> problems) {
        String topic = yaml.string(root, "topic");
        if (topic == null || topic.isBlank()) {
            return MindMap.MORE;
        }
        if (!mindMap.isEmpty() && !topic.equals(MindMap.MORE) && !mindMap.contains(topic)) {
            problems.add(new LabProblem(yaml.location(YamlTree.get(root, "topic")), "unknown topic `" + topic
                    + "` (topics in labs/mindmap.yaml: " + String.join(", ",
                    mindMap.topics().stream().map(Topic::id).toList()) + ")"));
        }
        return topic;
    }

    private List<Step> steps(Path dir, String id, List<LabProblem> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        List<Step> steps = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equalsIgnoreCase("README.md")) {
                continue; // notes for authors, not a step
            }
            var m = STEP_FILE.matcher(name);
            if (!m.matches()) {
                problems.add(new LabProblem("labs/" + id + "/" + name + ":1",
                        "step file names must look like NN-slug.md (two digits, lowercase slug), e.g. 01-find-your-shell.md"));
                continue;
            }
            Step step = new StepFileReader(markdown, id, name, problems)
                    .read(steps.size() + 1, m.group(2), Files.readString(f));
            if (step != null) {
                steps.add(step);
            }
        }
        if (files.stream().noneMatch(p -> STEP_FILE.matcher(p.getFileName().toString()).matches())) {
            problems.add(new LabProblem("labs/" + id + "/" + LAB_FILE + ":1",
                    "the lab has no steps: add Markdown files named NN-slug.md next to lab.yaml"));
        }
        return List.copyOf(steps);
    }

    /** Reads one NN-slug.md step file. */
    private record StepFileReader(MarkdownRenderer markdown, String id, String name, List<LabProblem> problems) {

        Step read(int number, String slug, String text) {
            String file = "labs/" + id + "/" + name;
            String[] lines = text.replace("\r\n", "\n").split("\n", -1);
            if (!lines[0].trim().equals("---")) {
                problems.add(new LabProblem(file + ":1", "a step starts with YAML front matter between `---` lines"));
                return null;
            }
            int close = 1;
            while (close < lines.length && !lines[close].trim().equals("---")) {
                close++;
            }
            if (close == lines.length) {
                problems.add(new LabProblem(file + ":1", "front matter is not closed by a `---` line"));
                return null;
            }
            YamlTree yaml = new YamlTree(file, 2);
            int before = problems.size();
            try {
                MappingNode fm = yaml.parseMapping(String.join("\n", List.of(lines).subList(1, close)));
                String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
                return step(yaml, fm, number, slug, body, close + 2, before);
            } catch (LabReadException e) {
                problems.add(e.problem());
                return null;
            }
        }

        private Step step(YamlTree yaml, MappingNode fm, int number, String slug, String body, int bodyLine,
                          int before) {
            String title = yaml.string(fm, "title");
            if (title == null || title.isBlank()) {
                problems.add(new LabProblem(yaml.file() + ":1", "missing `title` in the front matter"));
            }
            if (body.isBlank()) {
                problems.add(new LabProblem(yaml.file() + ":" + bodyLine,
                        "empty step: write the step's text after the front matter"));
            }
            CheckReader checks = new CheckReader(yaml, problems);
            List<Condition> conditions = checks.read(YamlTree.get(fm, "checks"));
            Node answersNode = YamlTree.get(fm, "answers");
            List<String> answers = checks.strings(answersNode, "answers");
            checks.checkAnswers(conditions, YamlTree.keyNode(fm, "answers"), answers);
            boolean poll = yaml.bool(fm, "poll");
            if (problems.size() > before) {
                return null;
            }
            return new Step(number, slug, title, markdown.render(body, id), poll, yaml.string(fm, "setup"), null,
                    List.copyOf(conditions), yaml.string(fm, "solution"), List.copyOf(answers), id + "/" + name);
        }
    }
}
