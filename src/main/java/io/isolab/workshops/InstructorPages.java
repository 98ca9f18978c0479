package io.isolab.workshops;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The instructor's workshop pages: list, create, edit, close, roster and watch (all under /instructor). */
@Controller
public class InstructorPages {
    private final Workshops workshops;
    private final WorkshopRepository repository;
    private final WorkshopProperties properties;

    public InstructorPages(Workshops workshops, WorkshopRepository repository, WorkshopProperties properties) {
        this.workshops = workshops;
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping("/instructor/workshops")
    public String list(Model model) {
        model.addAttribute("workshops", repository.all());
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("zone", properties.zone());
        return "workshops/list";
    }

    @GetMapping("/instructor/workshops/new")
    public String create(Model model) {
        return form(model, null, new WorkshopForm("", null, null, List.of(), null, null, null, null, 0,
                properties.zone()), List.of());
    }

    @PostMapping("/instructor/workshops")
    public String created(@ModelAttribute WorkshopForm posted, Model model, HttpServletResponse response) {
        WorkshopForm form = posted.withZone(properties.zone());
        List<String> problems = form.problems(workshops.catalogIds(), properties);
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return form(model, null, form, problems);
        }
        return "redirect:/instructor/workshops/" + repository.create(form);
    }

    @GetMapping("/instructor/workshops/{id}/edit")
    public String edit(@PathVariable long id, Model model) {
        Workshop workshop = workshops.byId(id);
        return form(model, workshop, WorkshopForm.of(workshop, properties.zone()), List.of());
    }

    @PostMapping("/instructor/workshops/{id}")
    public String updated(@PathVariable long id, @ModelAttribute WorkshopForm posted, Model model,
                          HttpServletResponse response) {
        Workshop workshop = workshops.byId(id);
        WorkshopForm form = posted.withZone(properties.zone());
        List<String> problems = form.problems(workshops.catalogIds(), properties);
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return form(model, workshop, form, problems);
        }
        repository.update(id, form);
        return "redirect:/instructor/workshops/" + id;
    }

    @PostMapping("/instructor/workshops/{id}/close")
    public String close(@PathVariable long id) {
        repository.close(workshops.byId(id).id());
        return "redirect:/instructor/workshops/" + id;
    }

    @GetMapping("/instructor/workshops/{id}")
    public String roster(@PathVariable long id, Model model) {
        Workshop workshop = workshops.byId(id);
        model.addAttribute("workshop", workshop);
        model.addAttribute("labs", workshops.labs(workshop));
        model.addAttribute("starts", WorkshopForm.local(workshop.startsAt(), properties.zone()).replace('T', ' '));
        model.addAttribute("ends", WorkshopForm.local(workshop.endsAt(), properties.zone()).replace('T', ' '));
        model.addAttribute("zone", properties.zone());
        return "workshops/roster";
    }

    @GetMapping("/instructor/workshops/{id}/learners/{participant}/watch")
    public String watch(@PathVariable long id, @PathVariable long participant, @RequestParam String lab, Model model) {
        Workshop workshop = workshops.byId(id);
        model.addAttribute("workshop", workshop);
        model.addAttribute("participant", workshops.participant(workshop, participant));
        model.addAttribute("lab", lab);
        return "workshops/watch";
    }

    @ExceptionHandler(WorkshopNotFoundException.class)
    public ModelAndView notFound(WorkshopNotFoundException e, HttpServletResponse response) {
        return ErrorPages.page(response, 404, "Not found", e.getMessage());
    }

    private String form(Model model, Workshop workshop, WorkshopForm form, List<String> problems) {
        model.addAttribute("workshop", workshop);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("catalog", workshops.catalog());
        model.addAttribute("zone", properties.zone());
        model.addAttribute("max", properties);
        return "workshops/form";
    }
}
