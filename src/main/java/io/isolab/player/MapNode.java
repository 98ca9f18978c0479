package io.isolab.player;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A topic placed in the mind-map tree; a topic reached from two parents is drawn under the first. */
public record MapNode(TopicView view, List<MapNode> children) {

    static List<MapNode> roots(List<TopicView> topics, Map<String, TopicView> byId) {
        Set<String> childIds = new HashSet<>();
        topics.forEach(t -> childIds.addAll(t.topic().children() == null ? List.of() : t.topic().children()));
        Set<String> placed = new HashSet<>();
        List<MapNode> roots = new ArrayList<>();
        for (TopicView topic : topics) {
            if (!childIds.contains(topic.topic().id())) roots.add(build(topic, byId, placed));
        }
        // Topics only reachable through a cycle would vanish otherwise.
        for (TopicView topic : topics) {
            if (!placed.contains(topic.topic().id())) roots.add(build(topic, byId, placed));
        }
        return roots;
    }

    private static MapNode build(TopicView view, Map<String, TopicView> byId, Set<String> placed) {
        placed.add(view.topic().id());
        List<MapNode> children = new ArrayList<>();
        for (String id : view.topic().children() == null ? List.<String>of() : view.topic().children()) {
            TopicView child = byId.get(id);
            if (child != null && !placed.contains(id)) children.add(build(child, byId, placed));
        }
        return new MapNode(view, children);
    }
}
