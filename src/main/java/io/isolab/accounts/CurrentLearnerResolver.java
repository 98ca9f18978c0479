package io.isolab.accounts;

import io.isolab.learner.Learner;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link CurrentLearner} parameters, and (as a filter inside the security chain, see
 * SecurityConfig) makes a signed-in request act as the account's learner, so every existing
 * {@code Learner} user (pages, sandbox JSON, checks, terminals, previews) follows the account.
 */
@Configuration
public class CurrentLearnerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The current learner of a request that passed LearnerFilter and the security chain. */
    public static CurrentLearner of(HttpServletRequest request) {
        AccountUser user = signedIn();
        if (user != null) return new CurrentLearner(user.learnerId(), user.getUsername(), user.role());
        return new CurrentLearner(Learner.anonymous(request).id(), null, null);
    }

    static AccountUser signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AccountUser u ? u : null;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentLearner.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return of(request.getNativeRequest(HttpServletRequest.class));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    /** Swaps the cookie learner for the account's learner on signed-in requests. */
    static class AccountLearnerFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            AccountUser user = signedIn();
            if (user != null) Learner.actAs(request, new Learner(user.learnerId()));
            chain.doFilter(request, response);
        }
    }
}
