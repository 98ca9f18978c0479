package io.isolab.workshops;

import io.isolab.accounts.CurrentLearner;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Learners join a workshop with its link or code and a display name (no account): then they see the
 * workshop's labs. Outside the time window they see when it starts, or that it has ended.
 */
@Controller
public class JoinPages {
    private static final int MAX_NAME = 80;
    private final Workshops workshops;
    private final WorkshopRepository repository;
    private final WorkshopProperties properties;

    public JoinPages(Workshops workshops, WorkshopRepository repository, WorkshopProperties properties) {
        this.workshops = workshops;
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping("/join")
    public String enterCode() {
        return "workshops/code";
    }

    @PostMapping("/join")
    public String code(@RequestParam(defaultValue = "") String code) {
        String normalized = JoinCodes.normalize(code);
        if (!normalized.matches("[A-Z0-9]{1,16}")) return "redirect:/join?invalid";
        return "redirect:/join/" + normalized;
    }

    @GetMapping("/join/{code}")
    public String workshop(@PathVariable String code, CurrentLearner learner, Model model, HttpServletResponse response) {
        Workshop workshop = workshops.byCode(code);
        Optional<Participant> participant = repository.participant(workshop.id(), learner.learnerId());
        return page(workshop, participant, model, response, null);
    }

    @PostMapping("/join/{code}")
    public String join(@PathVariable String code, @RequestParam(defaultValue = "") String name, CurrentLearner learner,
                       Model model, HttpServletResponse response) {
        Workshop workshop = workshops.byCode(code);
        String display = name.strip();
        if (workshop.phase(Instant.now()) != Workshop.Phase.OPEN) {
            return page(workshop, Optional.empty(), model, response, null);
        }
        if (display.isEmpty() || display.length() > MAX_NAME) {
            response.setStatus(400);
            return page(workshop, Optional.empty(), model, response,
                    "Type a name your instructor will recognise (1 to " + MAX_NAME + " characters).");
        }
        repository.join(workshop.id(), learner.learnerId(), display);
        return "redirect:/join/" + workshop.code();
    }

    @ExceptionHandler(WorkshopNotFoundException.class)
    public ModelAndView notFound(WorkshopNotFoundException e, HttpServletResponse response) {
        return ErrorPages.page(response, 404, "No such workshop", e.getMessage());
    }

    private String page(Workshop workshop, Optional<Participant> participant, Model model,
                        HttpServletResponse response, String problem) {
        model.addAttribute("workshop", workshop);
        model.addAttribute("zone", properties.zone());
        model.addAttribute("starts", WorkshopForm.local(workshop.startsAt(), properties.zone()).replace('T', ' '));
        model.addAttribute("ends", WorkshopForm.local(workshop.endsAt(), properties.zone()).replace('T', ' '));
        Workshop.Phase phase = workshop.phase(Instant.now());
        if (phase != Workshop.Phase.OPEN) {
            // Not an error of the learner, but nothing to do here now: 403 keeps crawlers and scripts honest.
            response.setStatus(403);
            model.addAttribute("phase", phase.name());
            return "workshops/window";
        }
        model.addAttribute("problem", problem);
        model.addAttribute("participant", participant.orElse(null));
        model.addAttribute("labs", workshops.labs(workshop));
        return "workshops/join";
    }
}
