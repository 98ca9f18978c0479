package io.isolab.player;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Friendly error pages for the HTML controllers; other errors reach templates/error.html via Boot. */
@ControllerAdvice(annotations = Controller.class)
public class PageErrorAdvice {

    @ExceptionHandler(LabNotFoundException.class)
    public ModelAndView notFound(LabNotFoundException e, HttpServletResponse response) {
        return page(response, 404, "Not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ModelAndView badPath(HttpServletResponse response) {
        return page(response, 404, "Not found", "There is no such page.");
    }

    private static ModelAndView page(HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("error", title);
        view.addObject("detail", message);
        return view;
    }
}
