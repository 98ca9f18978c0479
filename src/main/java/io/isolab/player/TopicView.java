package io.isolab.player;

import io.isolab.catalog.Topic;
import io.isolab.catalog.Lab;
import io.isolab.progress.LabProgress;
import java.util.List;
import java.util.Map;

/** A mind-map topic with its labs and the learner's progress through them. */
public record TopicView(Topic topic, List<Lab> labs, LabProgress.Status status, int labsDone) {

    static TopicView of(Topic topic, List<Lab> labs, Map<String, LabProgress> progress) {
        int done = (int) labs.stream().filter(l -> progress.get(l.id()).status() == LabProgress.Status.DONE).count();
        boolean started = labs.stream().anyMatch(l -> progress.get(l.id()).status() != LabProgress.Status.NONE);
        LabProgress.Status status = !labs.isEmpty() && done == labs.size() ? LabProgress.Status.DONE
                : started ? LabProgress.Status.IN_PROGRESS : LabProgress.Status.NONE;
        return new TopicView(topic, labs, status, done);
    }

    public String statusClass() {
        return "status-" + status.name().toLowerCase().replace('_', '-');
    }
}
