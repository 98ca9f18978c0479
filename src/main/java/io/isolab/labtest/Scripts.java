package io.isolab.labtest;

import java.util.ArrayList;
import java.util.List;

/** How a solution or foreground script becomes lines typed into a terminal. */
final class Scripts {
    private Scripts() {
    }

    /**
     * The lines of {@code script} as a learner would type them. Blank lines inside stay (they
     * matter in here-documents); trailing blank lines go, so no empty command is run at the end.
     */
    static List<String> lines(String script) {
        List<String> lines = new ArrayList<>();
        if (script == null) return lines;
        for (String line : script.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static boolean isBlank(String script) {
        return script == null || script.isBlank();
    }
}
