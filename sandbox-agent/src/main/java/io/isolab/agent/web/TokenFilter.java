package io.isolab.agent.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.isolab.agent.sandbox.AgentProperties;

/**
 * Bearer-token check on every request (/api/v1/health excepted). WebSocket upgrades may pass {@code ?token=}
 * because browsers cannot set headers on them. Refuses to start without a token unless
 * {@code isolab.agent.allow-no-token=true}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TokenFilter extends OncePerRequestFilter {

    private final byte[] expectedDigest;

    public TokenFilter(AgentProperties props) {
        if (!props.hasToken() && !props.allowNoToken()) {
            throw new IllegalStateException("No agent token configured: set ISOLAB_AGENT_TOKEN (or isolab.agent.token). "
                    + "To run without authentication on purpose, set isolab.agent.allow-no-token=true.");
        }
        this.expectedDigest = props.hasToken() ? sha256(props.token()) : null;
    }

    /**
     * Everything but health needs the token, not just /api/v1/**: the servlet path is decoded and
     * normalized, so spellings like {@code //} or {@code ;x} cannot slip past.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "/api/v1/health".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expectedDigest == null || matches(presented(request))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Missing or wrong agent token.\"}");
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            return request.getParameter("token");
        }
        return null;
    }

    /** Compares digests in constant time, so neither content nor length leaks through timing. */
    private boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
