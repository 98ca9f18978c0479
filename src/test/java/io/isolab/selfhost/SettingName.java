package io.isolab.selfhost;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A configuration name in Spring Boot's relaxed form: segments, lower case, without dashes.
 * {@code isolab.agent.start-timeout}, {@code --isolab.agent.startTimeout} and the environment
 * variable {@code ISOLAB_AGENT_STARTTIMEOUT} are the same name; {@code ISOLAB_AGENT_START_TIMEOUT}
 * is not (it would bind {@code isolab.agent.start.timeout}), which is why this matters.
 */
record SettingName(List<String> segments) {

    static SettingName of(String name) {
        return new SettingName(Arrays.stream(name.split("[._]"))
                .map(s -> s.replace("-", "").toLowerCase(Locale.ROOT))
                .toList());
    }

    boolean startsWith(SettingName prefix) {
        return segments.size() > prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
