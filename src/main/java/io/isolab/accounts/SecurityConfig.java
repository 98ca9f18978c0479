package io.isolab.accounts;

import io.isolab.learner.Learner;
import io.isolab.learner.LearnerFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may go where. Labs stay open to anonymous learners (their cookie is their identity); accounts
 * are optional for learners and needed for {@code /instructor/**} (INSTRUCTOR or ADMIN) and
 * {@code /admin/**} (ADMIN). Forms and the page scripts' POST/DELETE calls carry the CSRF token
 * (meta tags in layout.html); terminal WebSockets are same-origin GETs and are checked by TerminalAccess.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<AccountService> accounts) throws Exception {
        // A provider, so web slice tests can import this chain without the accounts' database.
        var success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication auth) throws ServletException, IOException {
                if (auth.getPrincipal() instanceof AccountUser user) {
                    accounts.getObject().adopt(Learner.anonymous(request).id(), user.learnerId());
                }
                super.onAuthenticationSuccess(request, response, auth);
            }
        };
        success.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/instructor/**").hasRole(Role.INSTRUCTOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").successHandler(success).permitAll())
                // A new anonymous id after sign-out: the next person at this browser starts clean.
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/")
                        .deleteCookies(LearnerFilter.COOKIE, "JSESSIONID"))
                // A previewed app inside a sandbox cannot know our token; previews are proxied to the
                // learner's own sandbox only, and the learner cookie is SameSite=Lax.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/labs/*/preview/**"))
                .addFilterAfter(new CurrentLearnerResolver.AccountLearnerFilter(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new EagerCsrfToken(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.INSTRUCTOR.name())
                .role(Role.INSTRUCTOR.name()).implies(Role.LEARNER.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Loads the (deferred) CSRF token before the page renders, so its session exists before a large
     * page could commit the response.
     */
    static class EagerCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("GET".equals(request.getMethod()) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                String accept = request.getHeader("Accept");
                if (accept != null && accept.contains("text/html")) token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
