package io.isolab.learner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every browser an anonymous learner id: reads the {@code isolab_learner} cookie, or mints a
 * random one (HttpOnly, SameSite=Lax) when it is missing or not one of ours. The id is the only key
 * to a learner's progress and sandboxes, so it is long and unguessable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class LearnerFilter extends OncePerRequestFilter {
    public static final String COOKIE = "isolab_learner";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Duration MAX_AGE = Duration.ofDays(365);
    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = fromCookie(request);
        if (id == null) {
            id = newId();
            ResponseCookie cookie = ResponseCookie.from(COOKIE, id)
                    .httpOnly(true).sameSite("Lax").path("/").maxAge(MAX_AGE).build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        request.setAttribute(Learner.ATTRIBUTE, new Learner(id));
        request.setAttribute(Learner.ANONYMOUS, new Learner(id));
        chain.doFilter(request, response);
    }

    private static String fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && VALID.matcher(cookie.getValue()).matches()) return cookie.getValue();
        }
        return null;
    }

    private String newId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
