package io.isolab.selfhost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable syntax in one string: {@code $$}, {@code $NAME}, {@code ${NAME}},
 * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, {@code ${NAME?error}},
 * {@code ${NAME:+alt}}, {@code ${NAME+alt}}. Nested expressions are not supported (and not used).
 */
final class Interpolation {

    private static final Pattern BRACED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One {@code ${...}} or {@code $NAME} use. */
    record Use(String name, String operator, String argument) {
    }

    private Interpolation() {
    }

    /** Every use in {@code text}; syntax errors go to {@code problems}. */
    static List<Use> uses(String text, Consumer<String> problems) {
        List<Use> uses = new ArrayList<>();
        walk(text, problems, (use, sb) -> uses.add(use), new StringBuilder());
        return uses;
    }

    /** {@code text} as Compose would pass it, with {@code env} as the .env file. */
    static String resolve(String text, Map<String, String> env, Consumer<String> problems) {
        StringBuilder out = new StringBuilder();
        walk(text, problems, (use, sb) -> sb.append(value(use, env, problems)), out);
        return out.toString();
    }

    private static String value(Use use, Map<String, String> env, Consumer<String> problems) {
        String v = env.get(use.name());
        boolean unsetOrEmpty = v == null || v.isEmpty();
        return switch (use.operator() == null ? "" : use.operator()) {
            case ":-" -> unsetOrEmpty ? use.argument() : v;
            case "-" -> v == null ? use.argument() : v;
            case ":?", "?" -> {
                if (use.operator().equals(":?") ? unsetOrEmpty : v == null) {
                    problems.accept("required variable " + use.name() + " is not set: " + use.argument());
                }
                yield v == null ? "" : v;
            }
            case ":+" -> unsetOrEmpty ? "" : use.argument();
            case "+" -> v == null ? "" : use.argument();
            default -> v == null ? "" : v;
        };
    }

    private interface Sink {
        void accept(Use use, StringBuilder out);
    }

    private static void walk(String text, Consumer<String> problems, Sink sink, StringBuilder out) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
            } else if (text.startsWith("$$", i)) {
                out.append('$');
                i += 2;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                String inner = end < 0 ? null : text.substring(i + 2, end);
                Matcher m = inner == null ? null : BRACED.matcher(inner);
                if (m == null || !m.matches() || inner.contains("${")) {
                    problems.accept("invalid interpolation in \"" + text + "\"");
                    return;
                }
                sink.accept(new Use(m.group(1), m.group(2), m.group(3)), out);
                i = end + 1;
            } else {
                Matcher m = BARE.matcher(text).region(i + 1, text.length());
                if (!m.lookingAt()) {
                    problems.accept("lone '$' in \"" + text + "\" (write $$ for a literal $)");
                    return;
                }
                sink.accept(new Use(m.group(), null, null), out);
                i = m.end();
            }
        }
    }
}
