package io.isolab.checks;

import io.isolab.checks.AnswerCheck.Normalize;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Brings a typed answer and a live value to one form so that "0x00a8", "a8" and "A8" compare equal. */
public final class Answers {
    /** "4026531840", "net:[4026531840]", "[4026531840]": what ls -l /proc/PID/ns shows, or only the number. */
    private static final Pattern INT = Pattern.compile("(?:[a-z_]+:)?\\[?\\s*(\\d+)\\s*]?");
    private static final Pattern HEX = Pattern.compile("(?:0x)?([0-9a-f]+)");

    private Answers() {
    }

    /** The normalized form, or empty when the text is not of that form (e.g. "abc" as int). */
    public static Optional<String> normalize(String text, Normalize how) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        switch (how) {
            case INT -> {
                Matcher m = INT.matcher(t.toLowerCase(Locale.ROOT));
                return m.matches() ? Optional.of(new BigInteger(m.group(1)).toString()) : Optional.empty();
            }
            case HEX -> {
                Matcher m = HEX.matcher(t.toLowerCase(Locale.ROOT));
                return m.matches() ? Optional.of(new BigInteger(m.group(1), 16).toString(16)) : Optional.empty();
            }
            default -> {
                return Optional.of(t.replaceAll("\\s+", " "));
            }
        }
    }

    public static String kindName(Normalize how) {
        return switch (how) {
            case INT -> "a number";
            case HEX -> "a hexadecimal number";
            case TEXT -> "a text";
        };
    }
}
