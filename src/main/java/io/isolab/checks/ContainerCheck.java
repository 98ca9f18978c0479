package io.isolab.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A container of the sandbox's own Docker engine, or with {@code count} a number of running
 * containers of one image. Lists hold every value the author gave (one text or a list).
 */
public record ContainerCheck(String name, Boolean running, String image, List<String> ports,
                             List<Integer> publishedPorts, List<String> env, List<String> links,
                             List<String> mounts, List<String> volumesFrom, List<String> networks,
                             CommandLine cmd, CommandLine entrypoint, Count count) implements Check {

    /** At least {@code min} (and at most {@code max}, when set) running containers of {@code image} (any when null). */
    public record Count(String image, int min, Integer max) {
    }

    @Override
    public String label() {
        if (count != null) {
            String of = count.image() == null ? "containers" : "containers of image " + Check.code(count.image());
            String range = count.max() == null ? "at least " + count.min()
                    : count.min() == count.max() ? "exactly " + count.min()
                    : count.min() + " to " + count.max();
            return range + " " + of + " run";
        }
        List<String> parts = new ArrayList<>();
        parts.add("container " + Check.code(name) + (running == null ? " exists" : running ? " is running" : " is stopped"));
        if (image != null) parts.add("from image " + Check.code(image));
        ports.forEach(p -> parts.add("with port " + p));
        publishedPorts.forEach(p -> parts.add("publishing port " + p));
        env.forEach(e -> parts.add("with " + Check.code(e)));
        links.forEach(l -> parts.add("linked to " + Check.code(l)));
        mounts.forEach(m -> parts.add("with something mounted at " + m));
        volumesFrom.forEach(v -> parts.add("with the volumes of " + Check.code(v)));
        networks.forEach(n -> parts.add("on network " + Check.code(n)));
        if (cmd != null) parts.add("running " + Check.code(cmd.describe()));
        if (entrypoint != null) parts.add("with entrypoint " + Check.code(entrypoint.describe()));
        return String.join(", ", parts);
    }
}
