package io.isolab.selfhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as plain maps and lists (SnakeYAML resolves the anchors and aliases Compose
 * allows), plus the directory relative paths in it are resolved against.
 */
record ComposeFile(Map<String, Object> root, Path dir) {

    static ComposeFile load(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile parse(String yaml, Path dir) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a compose file is a mapping at the top level");
        }
        return new ComposeFile(stringKeys(map), dir);
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(root.get("services")).forEach((name, def) -> result.put(name, map(def)));
        return result;
    }

    Map<String, Object> service(String name) {
        Map<String, Object> s = services().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return s;
    }

    /** A mapping, or empty for null; anything else is the caller's problem to report. */
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    /** Environment as a map, from either Compose form (mapping, or list of KEY=VALUE). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object e = service.get("environment");
        if (e instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else {
            for (Object item : list(e)) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** The command as arguments (string form split at spaces, as Compose does without quotes). */
    static List<String> command(Map<String, Object> service) {
        Object c = service.get("command");
        if (c instanceof String s) {
            return List.of(s.trim().split("\\s+"));
        }
        return list(c).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> result = new LinkedHashMap<>();
        m.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
