package io.isolab.workshops;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** The shared error template (templates/error.html) with a sentence for the reader. */
final class ErrorPages {
    private ErrorPages() {
    }

    static ModelAndView page(HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("error", title);
        view.addObject("detail", message);
        return view;
    }
}
