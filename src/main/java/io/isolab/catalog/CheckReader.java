package io.isolab.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a step's {@code checks:} list into conditions, one problem per bad item. */
final class CheckReader {

    static final List<String> KINDS = List.of("process", "namespace", "cgroup", "container", "image", "network",
            "volume", "file", "http", "answer", "script");
    private static final Set<String> NON_KIND_KEYS = Set.of("hint");

    private final YamlTree yaml;
    private final List<LabProblem> problems;

    CheckReader(YamlTree yaml, List<LabProblem> problems) {
        this.yaml = yaml;
        this.problems = problems;
    }

    List<Condition> read(Node checks) {
        List<Condition> out = new ArrayList<>();
        if (checks == null || YamlTree.toJava(checks) == null) {
            return out;
        }
        if (!(checks instanceof SequenceNode seq)) {
            problems.add(new LabProblem(yaml.location(checks), "`checks` must be a list of check items"));
            return out;
        }
        for (Node item : seq.getValue()) {
            try {
                out.add(condition(item));
            } catch (LabReadException e) {
                problems.add(e.problem());
            }
        }
        return out;
    }

    private Condition condition(Node item) {
        String location = yaml.location(item);
        if (!(item instanceof MappingNode map)) {
            throw new LabReadException(location, "a check item must be a mapping with one kind key "
                    + "(e.g. `- process: {command: \"sleep 1000\"}`)");
        }
        List<String> kinds = new ArrayList<>();
        Node params = null;
        for (NodeTuple t : map.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (NON_KIND_KEYS.contains(key)) {
                continue;
            }
            if (!KINDS.contains(key)) {
                throw new LabReadException(yaml.location(t.getKeyNode()),
                        "unknown check kind `" + key + "` (known: " + String.join(", ", KINDS) + ")");
            }
            kinds.add(key);
            params = t.getValueNode();
        }
        if (kinds.size() != 1) {
            throw new LabReadException(location, "a check item needs exactly one kind key, found "
                    + (kinds.isEmpty() ? "none" : kinds.size() + " (" + String.join(", ", kinds) + ")"));
        }
        Object value = YamlTree.toJava(params);
        if (value != null && !(value instanceof Map)) {
            throw new LabReadException(yaml.location(params), "`" + kinds.get(0)
                    + "` needs its parameters as a mapping, e.g. `" + kinds.get(0) + ": {name: x}`");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
        return new Condition(kinds.get(0), p, yaml.string(map, "hint"), location);
    }

    /** Lab tests type one answer per answer check: the counts must agree. */
    void checkAnswers(List<Condition> checks, Node answersKey, List<String> answers) {
        long answerChecks = checks.stream().filter(c -> c.kind().equals("answer")).count();
        if (answerChecks == answers.size()) {
            return;
        }
        String location = answersKey != null ? yaml.location(answersKey)
                : checks.stream().filter(c -> c.kind().equals("answer")).findFirst().orElseThrow().location();
        problems.add(new LabProblem(location, "the step has " + answerChecks + " answer check(s) but "
                + answers.size() + " `answers` (one shell command per answer check, for lab tests)"));
    }

    List<String> strings(Node node, String key) {
        List<String> out = new ArrayList<>();
        Object v = YamlTree.toJava(node);
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problems.add(new LabProblem(yaml.location(node), "`" + key + "` must be a list"));
            return out;
        }
        list.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }
}
