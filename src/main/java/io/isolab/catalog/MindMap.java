package io.isolab.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The curriculum: topics in teaching order (labs/mindmap.yaml). Empty when the file is missing,
 * in which case labs may name any topic.
 */
public record MindMap(List<Topic> topics) {

    /** Labs whose topic is not on the map (imported scenarios by default) land here, last. */
    public static final String MORE = "more";

    public static MindMap empty() {
        return new MindMap(List.of());
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return topic(id).isPresent();
    }

    /** Position in teaching order; unknown topics (and "more") sort after all known ones. */
    public int position(String id) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).id().equals(id)) {
                return i;
            }
        }
        return topics.size();
    }
}
