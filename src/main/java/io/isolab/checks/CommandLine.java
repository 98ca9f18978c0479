package io.isolab.checks;

import java.util.List;

/**
 * An expected CMD or ENTRYPOINT: either the exact JSON array ({@code exact}) or a text that equals the
 * array joined by spaces or, for the shell form, the command given to {@code /bin/sh -c}.
 */
public record CommandLine(List<String> exact, String text) {

    public boolean matches(List<String> actual) {
        if (actual == null) actual = List.of();
        if (exact != null) return exact.equals(actual);
        String t = text.trim();
        if (String.join(" ", actual).trim().equals(t)) return true;
        return actual.size() == 3 && actual.get(0).equals("/bin/sh") && actual.get(1).equals("-c")
                && actual.get(2).trim().equals(t);
    }

    public String describe() {
        return exact != null ? exact.toString() : text;
    }
}
