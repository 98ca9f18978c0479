package io.isolab.authors;

import io.isolab.catalog.CatalogLoader;
import io.isolab.catalog.CatalogSnapshot;
import io.isolab.catalog.Lab;
import io.isolab.catalog.LabProblem;
import io.isolab.checks.ConditionParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lab lint for authors and CI, without starting Spring:
 * {@code java -cp app.jar io.isolab.authors.LintMain [--labs-dir labs] [lab-id ...]}.
 * Prints {@code file:line: message} per problem and "N labs OK"; exits 1 when any problem.
 */
public final class LintMain {

    private LintMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path labsDir = Path.of("labs");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--labs-dir")) {
                if (i + 1 >= args.length) {
                    err.println("usage: LintMain [--labs-dir DIR] [LAB-ID ...]");
                    return 2;
                }
                labsDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--labs-dir=")) {
                labsDir = Path.of(args[i].substring("--labs-dir=".length()));
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i] + "; usage: LintMain [--labs-dir DIR] [LAB-ID ...]");
                return 2;
            } else {
                ids.add(args[i]);
            }
        }
        CatalogSnapshot snapshot = new CatalogLoader(new ConditionParser()).load(labsDir);
        List<LabProblem> problems = new ArrayList<>();
        for (LabProblem p : snapshot.problems()) {
            if (ids.isEmpty() || ids.stream().anyMatch(id -> concerns(p, id))) {
                problems.add(p);
            }
        }
        List<Lab> labs = snapshot.labs().stream().filter(l -> ids.isEmpty() || ids.contains(l.id())).toList();
        for (String id : ids) {
            boolean known = labs.stream().anyMatch(l -> l.id().equals(id)) || problems.stream().anyMatch(p -> concerns(p, id));
            if (!known) {
                problems.add(new LabProblem("labs/" + id, "no such lab in " + labsDir));
            }
        }
        problems.forEach(out::println);
        out.println(labs.size() + " labs OK" + (problems.isEmpty() ? "" : ", " + problems.size() + " problems"));
        return problems.isEmpty() ? 0 : 1;
    }

    private static boolean concerns(LabProblem p, String id) {
        return p.location().equals("labs/" + id) || p.location().startsWith("labs/" + id + "/");
    }
}
