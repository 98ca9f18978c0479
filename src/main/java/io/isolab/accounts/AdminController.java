package io.isolab.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin}: the accounts, and a form to create instructor accounts (ADMIN only, see SecurityConfig). */
@Controller
public class AdminController {
    private final AccountService service;
    private final AccountRepository accounts;

    public AdminController(AccountService service, AccountRepository accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    @GetMapping("/admin")
    public String page(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "admin";
    }

    @PostMapping("/admin/instructors")
    public String createInstructor(@RequestParam String username, @RequestParam String password,
                                   RedirectAttributes redirect) {
        try {
            service.create(username, password, Role.INSTRUCTOR);
            redirect.addFlashAttribute("notice", "Instructor " + username.strip() + " created.");
        } catch (AccountService.AccountException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }
}
