package io.isolab.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, printed to stdout. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public void print() {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder line = new StringBuilder();
            String[] r = rows.get(k);
            for (int i = 0; i < r.length; i++) {
                // first column left-aligned (labels), numbers right-aligned
                String cell = i == 0 ? pad(r[i], width[i]) : lpad(r[i], width[i]);
                line.append(cell).append(i < r.length - 1 ? "  " : "");
            }
            System.out.println(line.toString().stripTrailing());
            if (k == 0) {
                System.out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    private static String lpad(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }

    public static String f2(double v) {
        return String.format("%.2f", v);
    }

    public static String f3(double v) {
        return String.format("%.3f", v);
    }

    public static String ratio(double v, double base) {
        return String.format(v / base < 10 ? "%.2fx" : "%.1fx", v / base);
    }
}
