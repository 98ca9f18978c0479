package io.isolab.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sandbox agent listens and how to talk to it.
 *
 * @param url     agent base URL (isolab.agent.url, env ISOLAB_AGENT_URL)
 * @param token   bearer token (isolab.agent.token, env ISOLAB_AGENT_TOKEN)
 * @param timeout how long one ordinary agent call may take before "sandbox unavailable"
 */
@ConfigurationProperties("isolab.agent")
public record AgentProperties(@DefaultValue("http://127.0.0.1:7070") URI url,
                              @DefaultValue("") String token,
                              @DefaultValue("15s") Duration timeout,
                              @DefaultValue("90s") Duration startTimeout) {
}
