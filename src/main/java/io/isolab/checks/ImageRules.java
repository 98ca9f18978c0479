package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** image, network and volume conditions, decided on docker inspect of the sandbox's own engine. */
final class ImageRules {
    private ImageRules() {
    }

    static Outcome image(SandboxView view, ImageCheck c) {
        String who = "image " + Check.code(c.name());
        Optional<JsonNode> found = view.image(c.name());
        if (found.isEmpty()) return Outcome.fail("there is no image " + Check.code(c.name()) + " (docker images shows none)");
        JsonNode config = found.get().path("Config");
        String problem = ContainerRules.command(who, "CMD", config.path("Cmd"), c.cmd());
        if (problem == null) problem = ContainerRules.command(who, "ENTRYPOINT", config.path("Entrypoint"), c.entrypoint());
        if (problem != null) return Outcome.fail(problem);
        for (String port : c.exposes()) {
            if (!config.path("ExposedPorts").has(port)) return Outcome.fail(who + " has no EXPOSE " + port);
        }
        String env = Env.problem(who, config.path("Env"), c.env());
        if (env != null) return Outcome.fail(env);
        if (c.workdir() != null) {
            String have = config.path("WorkingDir").asText("");
            if (!trimSlash(have).equals(trimSlash(c.workdir()))) {
                return Outcome.fail(who + (have.isEmpty() ? " has no WORKDIR" : " has WORKDIR " + have)
                        + " (expected " + c.workdir() + ")");
            }
        }
        if (c.layersAtLeast() != null) {
            int layers = found.get().path("RootFS").path("Layers").size();
            if (layers < c.layersAtLeast()) {
                return Outcome.fail(who + " has " + layers + (layers == 1 ? " layer" : " layers") + " (expected at least "
                        + c.layersAtLeast() + ")");
            }
        }
        if (c.onbuild() != null) {
            boolean has = config.path("OnBuild").size() > 0;
            if (c.onbuild() && !has) return Outcome.fail(who + " has no ONBUILD instruction");
            if (!c.onbuild() && has) return Outcome.fail(who + " has ONBUILD instructions (expected none)");
        }
        for (String path : c.absentFiles()) {
            if (view.imageHasFile(c.name(), path)) {
                return Outcome.fail(who + " contains " + path + " (expected it left out, e.g. by .dockerignore)");
            }
        }
        return Outcome.pass();
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Outcome network(SandboxView view, NetworkCheck c) {
        String who = "network " + Check.code(c.name());
        Optional<JsonNode> found = view.network(c.name());
        if (found.isEmpty()) return Outcome.fail("there is no network " + Check.code(c.name()) + " (docker network ls shows none)");
        String driver = found.get().path("Driver").asText();
        if (c.driver() != null && !c.driver().equals(driver)) {
            return Outcome.fail(who + " uses driver " + driver + " (expected " + c.driver() + ")");
        }
        for (String member : c.contains()) {
            boolean has = ContainerRules.texts(found.get().path("Containers"), "Name").contains(member);
            if (!has) return Outcome.fail(who + " does not connect a running container " + Check.code(member));
        }
        return Outcome.pass();
    }

    static Outcome volume(SandboxView view, VolumeCheck c) {
        return view.volume(c.name()).isPresent() ? Outcome.pass()
                : Outcome.fail("there is no volume " + Check.code(c.name()) + " (docker volume ls shows none)");
    }
}
