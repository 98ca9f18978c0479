package io.isolab.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one condition's raw YAML parameters with types. Problems are collected, not thrown, so an
 * author sees every mistake of a condition at once; a bad value reads as null.
 */
final class Params {
    private final String path;
    private final Map<String, Object> raw;
    private final String location;
    private final List<String> problems;

    Params(String path, Map<String, Object> raw, String location, List<String> problems) {
        this.path = path;
        this.raw = raw == null ? Map.of() : raw;
        this.location = location;
        this.problems = problems;
    }

    /** Reports every key that is not one of {@code known}. */
    void allow(String... known) {
        Set<String> allowed = new LinkedHashSet<>(List.of(known));
        for (String key : raw.keySet()) {
            if (!allowed.contains(key)) {
                problem("unknown parameter `" + key + "` (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    boolean has(String key) {
        return raw.get(key) != null;
    }

    Object value(String key) {
        return raw.get(key);
    }

    void problem(String message) {
        problems.add((location == null ? "" : location + ": ") + path + ": " + message);
    }

    void problem(String key, String message) {
        problems.add((location == null ? "" : location + ": ") + path + "." + key + ": " + message);
    }

    String text(String key, boolean required) {
        Object v = raw.get(key);
        if (v == null) {
            if (required) problem("missing parameter `" + key + "`");
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            String s = v.toString();
            if (s.isBlank()) problem(key, "must not be empty");
            return s;
        }
        problem(key, "must be a text, not " + describe(v));
        return null;
    }

    Pattern regex(String key, boolean required) {
        String s = text(key, required);
        return s == null ? null : compile(key, s);
    }

    Pattern compile(String key, String s) {
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            problem(key, "`" + s + "` is not a valid regular expression (" + e.getDescription() + ")");
            return null;
        }
    }

    Integer integer(String key, boolean required) {
        Object v = raw.get(key);
        if (v == null) {
            if (required) problem("missing parameter `" + key + "`");
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long l = ((Number) v).longValue();
            if (l >= 0 && l <= Integer.MAX_VALUE) return (int) l;
        } else if (v instanceof String s && s.trim().matches("\\d{1,9}")) {
            return Integer.parseInt(s.trim());
        }
        problem(key, "must be a whole number >= 0, `" + v + "` is not");
        return null;
    }

    Boolean bool(String key) {
        Object v = raw.get(key);
        if (v == null) return null;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problem(key, "must be true or false, `" + v + "` is not");
        return null;
    }

    /** A single text or a list of texts; empty when absent. */
    List<String> texts(String key) {
        Object v = raw.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        for (Object item : items) {
            if (item instanceof String || item instanceof Number) {
                out.add(item.toString());
            } else {
                problem(key, "must be a text or a list of texts, not " + describe(item));
            }
        }
        return out;
    }

    /** A nested map as its own reader, or null (with a problem when present but not a map). */
    Params map(String key) {
        Object v = raw.get(key);
        if (v == null) return null;
        if (v instanceof Map<?, ?> m) return new Params(path + "." + key, stringKeys(m), location, problems);
        problem(key, "must be a map like {" + key + "-parameter: value}, not " + describe(v));
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static String describe(Object v) {
        if (v instanceof Map<?, ?>) return "a map";
        if (v instanceof List<?>) return "a list";
        return "`" + v + "`";
    }
}
