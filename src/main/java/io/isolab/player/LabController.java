package io.isolab.player;

import io.isolab.catalog.Condition;
import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.learner.Learner;
import io.isolab.progress.LabProgress;
import io.isolab.progress.ProgressRepository;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The lab pages: intro, one page per step (text left, terminal right), finish. */
@Controller
public class LabController {
    private static final Pattern SOLUTION_IN_TEXT =
            Pattern.compile("<summary>\\s*solution", Pattern.CASE_INSENSITIVE);
    private final Labs labs;
    private final Progresses progresses;
    private final ProgressRepository progress;

    public LabController(Labs labs, Progresses progresses, ProgressRepository progress) {
        this.labs = labs;
        this.progresses = progresses;
        this.progress = progress;
    }

    /** Sends the learner where they left off: intro before they started, finish once all is done. */
    @GetMapping("/labs/{id}")
    public String resume(@PathVariable String id, Learner learner) {
        Lab lab = labs.lab(id);
        LabProgress p = progresses.of(learner, lab);
        if (p.status() == LabProgress.Status.NONE && lab.intro() != null) return "redirect:/labs/" + id + "/intro";
        if (p.status() == LabProgress.Status.DONE && lab.finish() != null) return "redirect:/labs/" + id + "/finish";
        return "redirect:/labs/" + id + "/steps/" + p.currentStep();
    }

    @GetMapping("/labs/{id}/intro")
    public String intro(@PathVariable String id, Model model) {
        Lab lab = labs.lab(id);
        if (lab.intro() == null) return "redirect:/labs/" + id + "/steps/1";
        model.addAttribute("lab", lab);
        model.addAttribute("html", lab.intro());
        model.addAttribute("kind", "intro");
        return "lab-text";
    }

    @GetMapping("/labs/{id}/finish")
    public String finish(@PathVariable String id, Learner learner, Model model) {
        Lab lab = labs.lab(id);
        model.addAttribute("lab", lab);
        model.addAttribute("html", lab.finish() != null ? lab.finish() : "<p>You finished this lab.</p>");
        model.addAttribute("kind", "finish");
        model.addAttribute("progress", progresses.of(learner, lab));
        return "lab-text";
    }

    @GetMapping("/labs/{id}/steps/{n}")
    public String step(@PathVariable String id, @PathVariable int n, Learner learner, Model model) {
        Lab lab = labs.lab(id);
        Step step = labs.step(lab, n);
        progress.started(learner.id(), lab.id(), n);
        LabProgress p = progresses.of(learner, lab);
        List<Condition> answers = step.checks().stream().filter(c -> "answer".equals(c.kind())).toList();
        // Scenarios carry their solution in the text already (<details><summary>Solution</summary>).
        boolean ownSolution = step.solution() != null && !step.solution().isBlank()
                && !SOLUTION_IN_TEXT.matcher(step.html() == null ? "" : step.html()).find();
        model.addAttribute("lab", lab);
        model.addAttribute("step", step);
        model.addAttribute("progress", p);
        model.addAttribute("passed", p.completedSteps().contains(n));
        model.addAttribute("answers", IntStream.range(0, answers.size())
                .mapToObj(i -> AnswerField.of(i, answers.get(i))).toList());
        model.addAttribute("showSolution", ownSolution);
        model.addAttribute("last", n >= lab.steps().size());
        model.addAttribute("nextUrl", n >= lab.steps().size() ? "/labs/" + id + "/finish" : "/labs/" + id + "/steps/" + (n + 1));
        model.addAttribute("config", new PageConfig(lab.id(), n, step.poll(), step.foreground(),
                "/labs/" + id + "/steps/" + n + "/check", "/labs/" + id + "/sandbox"));
        return "lab";
    }

    /** What the page script needs, rendered as JSON into the page. */
    public record PageConfig(String lab, int step, boolean poll, String foreground, String checkUrl, String sandboxUrl) {
    }
}
