package io.isolab.workshops;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workshop settings (prefix {@code isolab.workshops}).
 *
 * @param zone          time zone of the start/end fields on the instructor's form
 * @param maxMemoryMib  highest memory limit an instructor may set (keep at or below the agent's host share)
 * @param maxCpus       highest CPU limit
 * @param maxPids       highest process limit
 * @param maxDiskMib    highest disk limit
 * @param maxPrewarm    highest pre-warm count (the agent caps it by capacity anyway)
 * @param prewarmLead   how long before the start the agent's warm pool is raised
 * @param poolDefault   the agent pool target restored once a workshop has started
 * @param poolCheck     how often the pre-warm scheduler looks at the workshops
 */
@ConfigurationProperties("isolab.workshops")
public record WorkshopProperties(@DefaultValue("UTC") ZoneId zone,
                                 @DefaultValue("4096") int maxMemoryMib,
                                 @DefaultValue("2.0") double maxCpus,
                                 @DefaultValue("4096") int maxPids,
                                 @DefaultValue("16384") int maxDiskMib,
                                 @DefaultValue("40") int maxPrewarm,
                                 @DefaultValue("5m") Duration prewarmLead,
                                 @DefaultValue("1") int poolDefault,
                                 @DefaultValue("30s") Duration poolCheck) {
}
