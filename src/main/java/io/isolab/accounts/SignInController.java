package io.isolab.accounts;

import io.isolab.learner.Learner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security handles its POST) and sign-up, which signs the new account in. */
@Controller
public class SignInController {
    private final AccountService service;
    private final AccountRepository accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public SignInController(AccountService service, AccountRepository accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/signup")
    public String signupForm() {
        return "signup";
    }

    @PostMapping("/signup")
    public String signup(@RequestParam String username, @RequestParam String password, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        Account account;
        try {
            account = service.create(username, password, Role.LEARNER);
        } catch (AccountService.AccountException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("username", username);
            return "signup";
        }
        service.adopt(Learner.anonymous(request).id(), account.learnerId());
        signIn(account, request, response);
        return "redirect:/";
    }

    private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountUser user = new AccountUser(account, accounts.passwordHash(account.username()).orElseThrow());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        // A new session id on sign-in, like form login does (no session fixation).
        if (request.getSession(false) != null) request.changeSessionId();
        contexts.saveContext(context, request, response);
    }
}
