package io.isolab.workshops;

import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Short join codes read aloud or from a projector: letters and digits without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), case-insensitive when typed.
 */
@Component
public class JoinCodes {
    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 6;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return code.toString();
    }

    /** What a learner typed, as a code: upper case, spaces and dashes dropped. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
