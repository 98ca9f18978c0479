package io.isolab.labtest;

import io.isolab.catalog.Catalog;
import io.isolab.catalog.Lab;
import io.isolab.catalog.LabProblem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests labs against a real sandbox agent, without the web app:
 * {@code java -cp <classpath> io.isolab.labtest.LabTestMain [--labs-dir labs] [lab-id ...]}
 * (ISOLAB_AGENT_URL, ISOLAB_AGENT_TOKEN). Prints one line per step and every failure in full;
 * exits 1 when any lab fails, 2 on bad usage or a missing agent.
 */
public final class LabTestMain {
    private static final String USAGE = "usage: LabTestMain [--labs-dir DIR] [LAB-ID ...]";

    private LabTestMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Path labsDir = Path.of("labs");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--labs-dir") && i + 1 < args.length) {
                labsDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--labs-dir=")) {
                labsDir = Path.of(args[i].substring("--labs-dir=".length()));
            } else if (args[i].startsWith("-")) {
                out.println("unknown option " + args[i] + "; " + USAGE);
                return 2;
            } else {
                ids.add(args[i]);
            }
        }
        return test(Path.of(labsDir.toString()), ids, out);
    }

    private static int test(Path labsDir, List<String> ids, PrintStream out) {
        Catalog catalog = new Catalog(labsDir, Duration.ofDays(1));
        List<Lab> labs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (ids.isEmpty()) {
            labs.addAll(catalog.labs());
            catalog.problems().forEach(p -> failures.add(p + " (lab not loadable; see ./isolab lint)"));
        }
        for (String id : ids) {
            catalog.lab(id).ifPresentOrElse(labs::add, () -> failures.add(notFound(catalog, id, labsDir)));
        }
        failures.forEach(f -> out.println("FAIL " + f));
        if (labs.isEmpty() && failures.isEmpty()) {
            out.println("no labs in " + labsDir.toAbsolutePath());
            return 1;
        }
        List<LabReport> reports = new ArrayList<>();
        if (labs.isEmpty()) return summarize(reports, failures, out);
        try (LabTestKit kit = LabTestKit.fromEnvironment(System.getenv())) {
            LabTester tester = new LabTester(kit.agent(), kit.checker(), LabTestSettings.defaults(), out::println);
            for (Lab lab : labs) {
                reports.add(tester.test(lab));
            }
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 2;
        }
        return summarize(reports, failures, out);
    }

    private static String notFound(Catalog catalog, String id, Path labsDir) {
        List<LabProblem> problems = catalog.problems().stream()
                .filter(p -> p.location().equals("labs/" + id) || p.location().startsWith("labs/" + id + "/")).toList();
        return problems.isEmpty() ? "no lab '" + id + "' in " + labsDir
                : "lab '" + id + "' does not load: " + problems.stream().map(LabProblem::toString).toList();
    }

    private static int summarize(List<LabReport> reports, List<String> failures, PrintStream out) {
        List<LabReport> failed = reports.stream().filter(r -> !r.passed()).toList();
        out.println();
        out.println("=== lab tests: " + (reports.size() - failed.size()) + " of " + reports.size() + " labs passed"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " not loadable"));
        for (LabReport r : failed) {
            out.println(r.failureText());
        }
        return failed.isEmpty() && failures.isEmpty() ? 0 : 1;
    }
}
