package io.isolab.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the whole labs folder. One broken lab is reported and left out; the others load.
 * Plain Java (no Spring) so the lint command can use it too.
 */
public final class CatalogLoader {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ConditionValidator conditions;

    public CatalogLoader() {
        this(ConditionValidator.NONE);
    }

    public CatalogLoader(ConditionValidator conditions) {
        this.conditions = conditions;
    }

    public CatalogSnapshot load(Path labsDir) {
        List<LabProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(labsDir)) {
            problems.add(new LabProblem("labs", "labs folder not found: " + labsDir.toAbsolutePath()));
            return new CatalogSnapshot(List.of(), problems, MindMap.empty());
        }
        MindMap mindMap = new MindMapReader().read(labsDir, problems);
        List<Lab> labs = new ArrayList<>();
        for (Path dir : labDirs(labsDir, problems)) {
            Lab lab = readLab(dir, mindMap, problems);
            if (lab != null && checksAreValid(lab, problems)) {
                labs.add(lab);
            }
        }
        labs.sort(Comparator.<Lab>comparingInt(l -> mindMap.position(l.topic()))
                .thenComparingInt(Lab::order)
                .thenComparing(Lab::title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Lab::id));
        return new CatalogSnapshot(List.copyOf(labs), List.copyOf(problems), mindMap);
    }

    /** A lab with a malformed check is left out like any other broken lab: its step could never pass. */
    private boolean checksAreValid(Lab lab, List<LabProblem> problems) {
        boolean valid = true;
        for (Step step : lab.steps()) {
            for (Condition condition : step.checks()) {
                for (String problem : conditions.problems(condition)) {
                    String prefix = condition.location() + ": ";
                    problems.add(problem.startsWith(prefix)
                            ? new LabProblem(condition.location(), problem.substring(prefix.length()))
                            : new LabProblem(condition.location(), problem));
                    valid = false;
                }
            }
        }
        return valid;
    }

    private Lab readLab(Path dir, MindMap mindMap, List<LabProblem> problems) {
        String id = dir.getFileName().toString();
        try {
            if (!id.matches("[a-z0-9-]+")) {
                problems.add(new LabProblem("labs/" + id, "lab folder names use only a-z, 0-9 and -"));
                return null;
            }
            boolean nativeLab = Files.isRegularFile(dir.resolve(NativeLabReader.LAB_FILE));
            boolean scenario = Files.isRegularFile(dir.resolve(ScenarioReader.INDEX));
            if (nativeLab && scenario) {
                problems.add(new LabProblem("labs/" + id, "holds both lab.yaml and index.json: keep one"));
                return null;
            }
            if (nativeLab) {
                return new NativeLabReader(markdown, mindMap).read(dir, id, problems);
            }
            if (scenario) {
                return new ScenarioReader(markdown, mindMap).read(dir, id, problems);
            }
            problems.add(new LabProblem("labs/" + id, "neither lab.yaml nor index.json found"));
        } catch (IOException | RuntimeException e) {
            // a reader bug or an unreadable file must not take the catalog down
            problems.add(new LabProblem("labs/" + id, "cannot read the lab: " + e));
        }
        return null;
    }

    private static List<Path> labDirs(Path labsDir, List<LabProblem> problems) {
        try (Stream<Path> s = Files.list(labsDir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new LabProblem("labs", "cannot list the labs folder: " + e.getMessage()));
            return List.of();
        }
    }
}
