package io.isolab.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the web app asks for sandboxes.
 *
 * @param ttl      lifetime of a new sandbox (isolab.sandbox.ttl)
 * @param extendBy what one Extend adds (isolab.sandbox.extend-by)
 * @param warnBefore from when on the page shows "expiring soon"
 */
@ConfigurationProperties("isolab.sandbox")
public record SandboxProperties(@DefaultValue("3600s") Duration ttl,
                                @DefaultValue("900s") Duration extendBy,
                                @DefaultValue("300s") Duration warnBefore) {
}
