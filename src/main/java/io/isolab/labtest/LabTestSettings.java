package io.isolab.labtest;

import java.time.Duration;

/**
 * How patient a lab test is. Defaults suit a loaded 2-core box where pulls and builds are slow.
 *
 * @param quiet      the terminal has settled when it printed nothing for this long
 * @param lineCap    the longest wait after one typed line before typing the next anyway
 * @param passWithin how long the checks may keep failing after the terminal fell quiet
 * @param pollEvery  pause between check evaluations while waiting for a pass
 * @param setupLimit timeout of lab and step setup scripts, in seconds
 */
public record LabTestSettings(Duration quiet, Duration lineCap, Duration passWithin, Duration pollEvery, int setupLimit) {

    public static LabTestSettings defaults() {
        return new LabTestSettings(Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(90),
                Duration.ofSeconds(1), 120);
    }
}
