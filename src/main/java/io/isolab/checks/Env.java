package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Expected environment variables ("K=V" exactly, or "K" set to anything) against Config.Env. */
final class Env {
    private Env() {
    }

    static String problem(String who, JsonNode env, List<String> wanted) {
        List<String> have = ContainerRules.texts(env, null);
        for (String want : wanted) {
            String key = want.contains("=") ? want.substring(0, want.indexOf('=')) : want;
            var current = have.stream().filter(e -> e.startsWith(key + "=")).findFirst();
            if (current.isEmpty()) return who + " has no environment variable " + Check.code(key);
            if (want.contains("=") && !current.get().equals(want)) {
                return who + " has " + Check.code(current.get()) + " (expected " + Check.code(want) + ")";
            }
        }
        return null;
    }
}
