package io.isolab.checks;

import java.util.ArrayList;
import java.util.List;

/** An image of the sandbox's engine, as {@code docker image inspect} shows it. */
public record ImageCheck(String name, CommandLine cmd, CommandLine entrypoint, List<String> exposes,
                         List<String> env, String workdir, Integer layersAtLeast, Boolean onbuild,
                         List<String> absentFiles) implements Check {

    @Override
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add("image " + Check.code(name) + " exists");
        if (cmd != null) parts.add("with CMD " + Check.code(cmd.describe()));
        if (entrypoint != null) parts.add("with ENTRYPOINT " + Check.code(entrypoint.describe()));
        exposes.forEach(p -> parts.add("with EXPOSE " + p));
        env.forEach(e -> parts.add("with ENV " + Check.code(e)));
        if (workdir != null) parts.add("with WORKDIR " + workdir);
        if (layersAtLeast != null) parts.add("with at least " + layersAtLeast + " layers");
        if (onbuild != null) parts.add(onbuild ? "with an ONBUILD instruction" : "without ONBUILD instructions");
        absentFiles.forEach(f -> parts.add("without " + f));
        return String.join(", ", parts);
    }
}
