package io.isolab.workshops;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The roster as CSV (RFC 4180: fields with comma, quote or line break are quoted, quotes doubled). */
final class RosterCsv {
    static final String HEADER = "learner,lab,step,status,attempts,failed checks,started,completed,seconds spent";

    private RosterCsv() {
    }

    static String of(Roster roster) {
        Map<String, String> titles = roster.labs().stream()
                .collect(Collectors.toMap(Roster.LabColumn::id, Roster.LabColumn::title, (a, b) -> a));
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Roster.Row row : roster.learners()) {
            for (Roster.Cell cell : row.cells()) {
                line(csv, List.of(row.name(), titles.getOrDefault(cell.lab(), cell.lab()), String.valueOf(cell.step()),
                        cell.status(), String.valueOf(cell.attempts()), String.valueOf(cell.failedChecks()),
                        text(cell.startedAt()), text(cell.completedAt()), text(cell.seconds())));
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(RosterCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        // A leading = + - @ would be a formula in a spreadsheet; a quote-prefixed apostrophe keeps it text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
