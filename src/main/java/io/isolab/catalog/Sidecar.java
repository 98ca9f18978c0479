package io.isolab.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;

/** labs/<id>/isolab.yaml next to an unmodified scenario: where it sits on the mind map. */
record Sidecar(String topic, int order) {

    static Sidecar read(Path dir, String id, MindMap mindMap, List<LabProblem> problems) {
        Path file = dir.resolve(ScenarioReader.SIDECAR);
        if (!Files.isRegularFile(file)) {
            return new Sidecar(MindMap.MORE, NativeLabReader.DEFAULT_ORDER);
        }
        YamlTree yaml = new YamlTree("labs/" + id + "/" + ScenarioReader.SIDECAR, 1);
        try {
            MappingNode root = yaml.parseMapping(Files.readString(file));
            String topic = yaml.string(root, "topic");
            if (topic == null || topic.isBlank()) {
                topic = MindMap.MORE;
            } else if (!mindMap.isEmpty() && !topic.equals(MindMap.MORE) && !mindMap.contains(topic)) {
                problems.add(new LabProblem(yaml.location(YamlTree.get(root, "topic")),
                        "unknown topic `" + topic + "` (not in labs/mindmap.yaml)"));
            }
            return new Sidecar(topic, yaml.integer(root, "order", NativeLabReader.DEFAULT_ORDER));
        } catch (LabReadException e) {
            problems.add(e.problem());
        } catch (IOException e) {
            problems.add(new LabProblem(yaml.file(), "cannot read: " + e.getMessage()));
        }
        return new Sidecar(MindMap.MORE, NativeLabReader.DEFAULT_ORDER);
    }
}
