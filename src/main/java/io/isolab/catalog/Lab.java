package io.isolab.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lab as the player needs it, whatever format it was written in.
 *
 * @param id       folder name under labs/
 * @param format   NATIVE (lab.yaml) or SCENARIO (Katacoda/Killercoda index.json)
 * @param topic    a topic id from labs/mindmap.yaml (scenarios without one land in "more")
 * @param setup    shell run in the sandbox before the first step (native setup, scenario intro background), or null
 * @param intro    HTML shown before step 1 (scenario intro), or null
 * @param finish   HTML shown after the last step, or null
 * @param assets   files copied into the sandbox before setup (scenario assets)
 */
public record Lab(String id, LabFormat format, String title, String summary, String topic, int minutes,
                  int order, String setup, String intro, String finish, List<Step> steps,
                  List<Asset> assets, Path dir) {

    public Optional<Step> step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst();
    }
}
