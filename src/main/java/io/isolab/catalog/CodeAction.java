package io.isolab.catalog;

import java.util.Locale;

/**
 * What clicking a code block or snippet does: "run" (type into a terminal), "copy" (clipboard).
 *
 * @param terminal  1-based terminal number
 * @param interrupt send Ctrl+C before the command
 */
record CodeAction(String action, int terminal, boolean interrupt) {

    static final CodeAction COPY = new CodeAction("copy", 1, false);

    /**
     * Tokens of a Katacoda/Killercoda annotation such as "execute interrupt T2" or a native info
     * string's words ("run", "T2", "terminal=2"). Returns null when a token is not an action word,
     * so unknown annotations stay plain text.
     */
    static CodeAction parse(String tokens) {
        String action = null;
        int terminal = 1;
        boolean interrupt = false;
        for (String token : tokens.trim().split("\\s+")) {
            String t = token.toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("exec") || t.equals("execute") || t.equals("run")) {
                action = "run";
            } else if (t.equals("copy")) {
                action = "copy";
            } else if (t.equals("interrupt")) {
                interrupt = true;
            } else if (t.matches("t\\d{1,2}")) {
                terminal = Integer.parseInt(t.substring(1));
            } else if (t.matches("host\\d{1,2}")) {
                // one sandbox per learner: a second host's terminal becomes a second terminal
                terminal = Integer.parseInt(t.substring(4));
            } else if (t.matches("terminal=\\d{1,2}")) {
                terminal = Integer.parseInt(t.substring(9));
            } else {
                return null;
            }
        }
        if (action == null) {
            return null;
        }
        return new CodeAction(action, Math.max(1, terminal), interrupt);
    }
}
