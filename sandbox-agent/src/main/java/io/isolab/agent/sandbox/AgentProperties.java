package io.isolab.agent.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the agent reads from configuration (prefix {@code isolab.agent}).
 *
 * @param token          bearer token the web app must send; env ISOLAB_AGENT_TOKEN
 * @param allowNoToken   explicit opt-out for local experiments; never in production
 * @param name           agents sharing one Docker engine only touch containers labelled with their own name
 * @param maxTtl         upper bound for ttl + extensions; null means 8 hours
 * @param registryMirror passed to sandboxes as ISOLAB_REGISTRY_MIRROR (optional)
 * @param maxSandboxes   0 = derive from host memory
 */
@ConfigurationProperties("isolab.agent")
public record AgentProperties(
        String token,
        @DefaultValue("false") boolean allowNoToken,
        @DefaultValue("default") String name,
        @DefaultValue("isolab/lab-node:latest") String image,
        @DefaultValue("/var/lib/isolab/agent") String stateDir,
        String registryMirror,
        @DefaultValue("unix:///var/run/docker.sock") String dockerHost,
        @DefaultValue Pool pool,
        @DefaultValue("60m") Duration ttl,
        @DefaultValue("8h") Duration maxTtl,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("60s") Duration startTimeout,
        @DefaultValue("15s") Duration reaperInterval,
        @DefaultValue Limits limits,
        @DefaultValue("0") int maxSandboxes) {

    public record Pool(@DefaultValue("1") int size) {
    }

    public record Limits(
            @DefaultValue("1536") long memoryMib,
            @DefaultValue("1024") long pids,
            @DefaultValue("1.0") double cpus,
            @DefaultValue("8192") long diskMib) {

        public SandboxLimits toSandboxLimits() {
            return new SandboxLimits(memoryMib, pids, cpus, diskMib);
        }
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
