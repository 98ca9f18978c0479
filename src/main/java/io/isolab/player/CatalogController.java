package io.isolab.player;

import io.isolab.catalog.Topic;
import io.isolab.catalog.Lab;
import io.isolab.learner.Learner;
import io.isolab.progress.LabProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalog ({@code /}) and the mind map ({@code /map}), both coloured by the learner's progress. */
@Controller
public class CatalogController {
    static final String OTHER_TOPIC = "more";
    private final LabSource source;
    private final Progresses progresses;

    public CatalogController(LabSource source, Progresses progresses) {
        this.source = source;
        this.progresses = progresses;
    }

    @GetMapping("/")
    public String catalog(Learner learner, Model model) {
        List<Lab> labs = source.labs();
        Map<String, LabProgress> progress = progresses.of(learner, labs);
        model.addAttribute("topics", topics(labs, progress).stream().filter(t -> !t.labs().isEmpty()).toList());
        model.addAttribute("progress", progress);
        return "catalog";
    }

    @GetMapping("/map")
    public String map(Learner learner, Model model) {
        List<Lab> labs = source.labs();
        Map<String, LabProgress> progress = progresses.of(learner, labs);
        List<TopicView> topics = topics(labs, progress);
        Map<String, TopicView> byId = topics.stream()
                .collect(Collectors.toMap(t -> t.topic().id(), t -> t, (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("roots", MapNode.roots(topics, byId));
        model.addAttribute("progress", progress);
        return "map";
    }

    /** Topics in mind-map order, each with its labs; labs of unknown topics land in "more". */
    private List<TopicView> topics(List<Lab> labs, Map<String, LabProgress> progress) {
        List<Topic> topics = new ArrayList<>(source.topics());
        Set<String> known = topics.stream().map(Topic::id).collect(Collectors.toSet());
        if (labs.stream().anyMatch(l -> !known.contains(l.topic()))) {
            topics.add(new Topic(OTHER_TOPIC, "More labs", "Labs outside the mind map.", List.of()));
        }
        return topics.stream().map(topic -> {
            List<Lab> inTopic = labs.stream()
                    .filter(l -> topic.id().equals(l.topic())
                            || (topic.id().equals(OTHER_TOPIC) && !known.contains(l.topic())))
                    .sorted(Comparator.comparingInt(Lab::order).thenComparing(Lab::title))
                    .toList();
            return TopicView.of(topic, inTopic, progress);
        }).toList();
    }
}
