package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** container conditions, decided on {@code docker container inspect} of the sandbox's own engine. */
final class ContainerRules {
    private ContainerRules() {
    }

    static Outcome container(SandboxView view, ContainerCheck c) {
        if (c.count() != null) return count(view, c.count());
        Optional<JsonNode> found = view.container(c.name());
        String who = "container " + Check.code(c.name());
        if (found.isEmpty()) return Outcome.fail("there is no container " + Check.code(c.name()) + " (docker ps -a shows none)");
        JsonNode i = found.get();
        JsonNode state = i.path("State");
        if (Boolean.TRUE.equals(c.running()) && !state.path("Running").asBoolean()) {
            return Outcome.fail(who + " is not running (" + state.path("Status").asText("stopped")
                    + (state.has("ExitCode") && !"created".equals(state.path("Status").asText())
                       ? ", exit code " + state.path("ExitCode").asInt() : "") + ")");
        }
        if (Boolean.FALSE.equals(c.running()) && state.path("Running").asBoolean()) {
            return Outcome.fail(who + " is still running (expected it stopped)");
        }
        JsonNode config = i.path("Config");
        if (c.image() != null && !Images.same(c.image(), config.path("Image").asText())) {
            return Outcome.fail(who + " runs image " + Check.code(config.path("Image").asText()) + " (expected "
                    + Check.code(c.image()) + ")");
        }
        for (String port : c.ports()) {
            if (!config.path("ExposedPorts").has(port) && !i.path("NetworkSettings").path("Ports").has(port)) {
                return Outcome.fail(who + " has no port " + port);
            }
        }
        for (int port : c.publishedPorts()) {
            if (!publishes(i, port)) return Outcome.fail(who + " does not publish port " + port + " (docker run -p "
                    + port + ":...)");
        }
        String env = Env.problem(who, config.path("Env"), c.env());
        if (env != null) return Outcome.fail(env);
        for (String link : c.links()) {
            if (!linked(i.path("HostConfig").path("Links"), link)) {
                String[] parts = link.split(":", 2);
                return Outcome.fail(who + " is not linked to " + Check.code(parts[0])
                        + (parts.length == 2 ? " as " + Check.code(parts[1]) : ""));
            }
        }
        for (String mount : c.mounts()) {
            if (texts(i.path("Mounts"), "Destination").stream().noneMatch(mount::equals)) {
                return Outcome.fail(who + " has nothing mounted at " + mount);
            }
        }
        for (String from : c.volumesFrom()) {
            boolean has = texts(i.path("HostConfig").path("VolumesFrom"), null).stream()
                    .anyMatch(v -> v.equals(from) || v.startsWith(from + ":"));
            if (!has) return Outcome.fail(who + " does not take volumes from " + Check.code(from) + " (--volumes-from)");
        }
        for (String network : c.networks()) {
            if (!i.path("NetworkSettings").path("Networks").has(network)) {
                return Outcome.fail(who + " is not attached to network " + Check.code(network));
            }
        }
        String cmd = command(who, "command", config.path("Cmd"), c.cmd());
        if (cmd == null) cmd = command(who, "entrypoint", config.path("Entrypoint"), c.entrypoint());
        return cmd == null ? Outcome.pass() : Outcome.fail(cmd);
    }

    private static Outcome count(SandboxView view, ContainerCheck.Count count) {
        long n = view.runningImages().stream().filter(img -> count.image() == null || Images.same(img, count.image())).count();
        String of = count.image() == null ? "" : " of image " + Check.code(count.image());
        String running = n + (n == 1 ? " container" : " containers") + of + (n == 1 ? " is" : " are") + " running";
        if (n < count.min()) return Outcome.fail(running + " (expected at least " + count.min() + ")");
        if (count.max() != null && n > count.max()) return Outcome.fail(running + " (expected at most " + count.max() + ")");
        return Outcome.pass();
    }

    private static boolean publishes(JsonNode i, int port) {
        for (JsonNode ports : List.of(i.path("NetworkSettings").path("Ports"), i.path("HostConfig").path("PortBindings"))) {
            for (JsonNode bindings : ports) {
                for (JsonNode b : bindings) {
                    if (String.valueOf(port).equals(b.path("HostPort").asText())) return true;
                }
            }
        }
        return false;
    }

    /** Docker stores a link "redis-server:redis" of container web as "/redis-server:/web/redis". */
    private static boolean linked(JsonNode links, String link) {
        String[] want = link.split(":", 2);
        String alias = want.length == 2 ? want[1] : want[0];
        for (String l : texts(links, null)) {
            String[] have = l.split(":", 2);
            if (have.length == 2 && have[0].replaceFirst("^/", "").equals(want[0])
                    && have[1].substring(have[1].lastIndexOf('/') + 1).equals(alias)) {
                return true;
            }
        }
        return false;
    }

    static String command(String who, String what, JsonNode actual, CommandLine want) {
        if (want == null) return null;
        List<String> have = texts(actual, null);
        if (want.matches(have)) return null;
        return have.isEmpty() ? who + " has no " + what + " (expected " + Check.code(want.describe()) + ")"
                : who + " has " + what + " " + Check.code(String.join(" ", have)) + " (expected "
                  + Check.code(want.describe()) + ")";
    }

    /** The texts of a JSON array, or of one field of each of its objects. */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(field == null ? n.asText() : n.path(field).asText());
        return out;
    }
}
