package io.isolab.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML read as a node tree, because authors need the line of a bad check item,
 * which a plain map loses.
 *
 * @param file      "labs/<id>/<file>" used in locations
 * @param firstLine 1-based line in the file where the YAML text starts (front matter starts at 2)
 */
record YamlTree(String file, int firstLine) {

    /** @return the root node, or null for an empty document */
    Node parse(String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            rejectDuplicateKeys(root);
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine()
                    : e.getContextMark() != null ? e.getContextMark().getLine() : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (e.getContextMark() == null ? "" : " started at line " + (firstLine + e.getContextMark().getLine()))
                    + ")";
            throw new LabReadException(file + ":" + (firstLine + line), "YAML syntax error: " + problem + context);
        } catch (YAMLException e) {
            throw new LabReadException(file + ":" + firstLine, "YAML syntax error: " + e.getMessage());
        }
    }

    /** A second `checks:` would silently replace the first: say so instead. */
    private void rejectDuplicateKeys(Node node) {
        if (node instanceof MappingNode map) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
                    throw new LabReadException(location(k), "duplicate key `" + k.getValue() + "`");
                }
                rejectDuplicateKeys(t.getValueNode());
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(this::rejectDuplicateKeys);
        }
    }

    /** The root must be a mapping (lab.yaml, front matter, mindmap.yaml). */
    MappingNode parseMapping(String text) {
        Node root = parse(text);
        if (root == null) {
            return new MappingNode(Tag.MAP, new ArrayList<>(), null);
        }
        if (!(root instanceof MappingNode map)) {
            throw new LabReadException(location(root), "expected a YAML mapping of keys to values");
        }
        return map;
    }

    String location(Node node) {
        return file + ":" + line(node);
    }

    int line(Node node) {
        return node.getStartMark() == null ? firstLine : firstLine + node.getStartMark().getLine();
    }

    static Node get(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    static Node keyNode(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** A scalar value as text, or null when absent or YAML null. */
    String string(MappingNode map, String key) {
        Object v = toJava(get(map, key));
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new LabReadException(location(get(map, key)), "`" + key + "` must be a single value");
        }
        return v.toString();
    }

    int integer(MappingNode map, String key, int fallback) {
        Object v = toJava(get(map, key));
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new LabReadException(location(get(map, key)), "`" + key + "` must be a whole number, not `" + v + "`");
    }

    boolean bool(MappingNode map, String key) {
        Object v = toJava(get(map, key));
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new LabReadException(location(get(map, key)), "`" + key + "` must be true or false, not `" + v + "`");
    }

    /** Plain Java values (maps keep their order) for params the checks package reads. */
    static Object toJava(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                out.put(String.valueOf(toJava(t.getKeyNode())), toJava(t.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(n -> out.add(toJava(n)));
            return out;
        }
        return scalar((ScalarNode) node);
    }

    private static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return switch (v.toLowerCase()) {
                    case "true", "yes", "on", "y" -> true;
                    default -> false;
                };
            }
            if (tag.equals(Tag.INT)) {
                long l = Long.decode(v.replace("_", ""));
                return l == (int) l ? (Object) (int) l : (Object) l;
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(v.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return v; // odd YAML 1.1 forms (sexagesimal, octal): the author meant text
        }
        return v;
    }
}
