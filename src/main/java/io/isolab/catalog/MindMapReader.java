package io.isolab.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads labs/mindmap.yaml; problems go to the given list, the good topics are kept. */
final class MindMapReader {

    static final String FILE = "mindmap.yaml";

    MindMap read(Path labsDir, List<LabProblem> problems) {
        Path file = labsDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return MindMap.empty();
        }
        YamlTree yaml = new YamlTree("labs/" + FILE, 1);
        try {
            MappingNode root = yaml.parseMapping(Files.readString(file));
            return readTopics(yaml, root, problems);
        } catch (LabReadException e) {
            problems.add(e.problem());
        } catch (IOException e) {
            problems.add(new LabProblem("labs/" + FILE, "cannot read: " + e.getMessage()));
        }
        return MindMap.empty();
    }

    private MindMap readTopics(YamlTree yaml, MappingNode root, List<LabProblem> problems) {
        Node list = YamlTree.get(root, "topics");
        if (!(list instanceof SequenceNode seq)) {
            throw new LabReadException(yaml.file() + ":1", "expected `topics:` with a list of topics");
        }
        List<Topic> topics = new ArrayList<>();
        Map<String, Node> childLines = new HashMap<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode map)) {
                problems.add(new LabProblem(yaml.location(item), "a topic needs `id`, `title` and `summary`"));
                continue;
            }
            try {
                String id = yaml.string(map, "id");
                String title = yaml.string(map, "title");
                if (id == null || id.isBlank()) {
                    throw new LabReadException(yaml.location(item), "topic without `id`");
                }
                if (title == null || title.isBlank()) {
                    throw new LabReadException(yaml.location(item), "topic `" + id + "` has no `title`");
                }
                if (topics.stream().anyMatch(t -> t.id().equals(id))) {
                    throw new LabReadException(yaml.location(YamlTree.get(map, "id")), "duplicate topic id `" + id + "`");
                }
                List<String> children = new ArrayList<>();
                if (YamlTree.toJava(YamlTree.get(map, "children")) instanceof List<?> l) {
                    for (Object c : l) {
                        children.add(String.valueOf(c));
                        childLines.putIfAbsent(id + "\u0000" + c, YamlTree.get(map, "children"));
                    }
                }
                String summary = yaml.string(map, "summary");
                topics.add(new Topic(id, title, summary == null ? "" : summary, List.copyOf(children)));
            } catch (LabReadException e) {
                problems.add(e.problem());
            }
        }
        MindMap mindMap = new MindMap(List.copyOf(topics));
        for (Topic t : topics) {
            for (String child : t.children()) {
                if (!mindMap.contains(child)) {
                    problems.add(new LabProblem(yaml.location(childLines.get(t.id() + "\u0000" + child)),
                            "topic `" + t.id() + "` lists unknown child topic `" + child + "`"));
                }
            }
        }
        return mindMap;
    }
}
