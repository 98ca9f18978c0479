package io.isolab.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.isolab.agent.AgentApplication;

class TokenFilterTest {

    @Test
    void agentRefusesToStartWithoutToken() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AgentApplication.class)
                .run("--server.port=7104", "--isolab.agent.token=", "--isolab.agent.name=no-token-test",
                        "--isolab.agent.state-dir=/tmp/isolab-agent-test/no-token-test").close())
                .hasStackTraceContaining("No agent token configured: set ISOLAB_AGENT_TOKEN");
    }

    @Test
    void acceptsOnlyTheRightTokenAndQueryTokenOnlyForWebSockets() throws Exception {
        TokenFilter filter = new TokenFilter(new io.isolab.agent.sandbox.AgentProperties("s3cret", false, "t", "img", "/tmp",
                null, "unix:///var/run/docker.sock", new io.isolab.agent.sandbox.AgentProperties.Pool(0),
                java.time.Duration.ofHours(1), java.time.Duration.ofHours(8), java.time.Duration.ofMinutes(15),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(15),
                new io.isolab.agent.sandbox.AgentProperties.Limits(1536, 1024, 1.0, 8192), 0));
        assertThat(status(filter, req("/api/v1/sandboxes", "Bearer s3cret", null, false))).isEqualTo(200);
        assertThat(status(filter, req("/api/v1/sandboxes", "Bearer s3cre", null, false))).isEqualTo(401);
        assertThat(status(filter, req("/api/v1/sandboxes", null, null, false))).isEqualTo(401);
        assertThat(status(filter, req("/api/v1/sandboxes/x/terminals/1", null, "s3cret", true))).isEqualTo(200);
        assertThat(status(filter, req("/api/v1/sandboxes", null, "s3cret", false))).isEqualTo(401);
        assertThat(status(filter, req("/api/v1/health", null, null, false))).isEqualTo(200);
        assertThat(status(filter, req("/api/v1/health/x", null, null, false))).isEqualTo(401);
    }

    private static MockHttpServletRequest req(String path, String auth, String queryToken, boolean upgrade) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        r.setServletPath(path);
        if (auth != null) {
            r.addHeader("Authorization", auth);
        }
        if (queryToken != null) {
            r.setParameter("token", queryToken);
        }
        if (upgrade) {
            r.addHeader("Upgrade", "websocket");
        }
        return r;
    }

    private static int status(TokenFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
