package io.isolab.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyControllerTest {

    @Test
    void neverForwardsTheAgentToken() {
        assertThat(ProxyController.stripToken("token=secret&a=1")).isEqualTo("a=1");
        assertThat(ProxyController.stripToken("a=1&token=secret&b=2")).isEqualTo("a=1&b=2");
        assertThat(ProxyController.stripToken("mytoken=x")).isEqualTo("mytoken=x");
        assertThat(ProxyController.stripToken(null)).isEmpty();
    }
}
