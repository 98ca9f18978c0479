package io.isolab.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /instructor}: the instructors' home (INSTRUCTOR or ADMIN); workshops build on it. */
@Controller
public class InstructorController {

    @GetMapping("/instructor")
    public String home() {
        return "instructor";
    }
}
