package io.isolab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code me} (a CurrentLearner) into every page model, for the top bar's sign-in/out links. */
@ControllerAdvice
public class CurrentUserAdvice {

    @ModelAttribute("me")
    public CurrentLearner me(HttpServletRequest request) {
        return CurrentLearnerResolver.of(request);
    }
}
