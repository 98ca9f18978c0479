package io.isolab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/** file and http conditions, read with commands inside the sandbox. */
final class FileRules {
    private FileRules() {
    }

    static Outcome file(SandboxView view, FileCheck c) {
        SandboxView.FileRead read = view.file(c.container(), c.path());
        if (!read.containerFound()) return Outcome.fail("there is no container " + Check.code(c.container()));
        if (!c.exists()) return read.exists() ? Outcome.fail(c.where() + " exists (expected it gone)") : Outcome.pass();
        if (!read.exists()) return Outcome.fail(c.where() + " does not exist");
        if (c.contains() != null && !read.content().contains(c.contains())) {
            return Outcome.fail(c.where() + " does not contain " + Check.code(c.contains()));
        }
        if (c.matches() != null && !c.matches().matcher(read.content()).find()) {
            return Outcome.fail(c.where() + " does not match " + Check.code(c.matches().pattern()));
        }
        return Outcome.pass();
    }

    static Outcome http(SandboxView view, HttpCheck c) {
        String host = "localhost";
        if (c.host() != null) {
            Optional<JsonNode> container = view.container(c.host());
            if (container.isEmpty()) return Outcome.fail("there is no container " + Check.code(c.host()));
            if (!container.get().path("State").path("Running").asBoolean()) {
                return Outcome.fail("container " + Check.code(c.host()) + " is not running");
            }
            host = ip(container.get());
            if (host == null) return Outcome.fail("container " + Check.code(c.host()) + " has no IP address (--network none?)");
        }
        SandboxView.HttpReply reply = view.http(host, c.port(), c.path());
        String target = "GET " + c.target();
        if (reply.status() == 0) {
            return Outcome.fail(switch (reply.curlExit()) {
                case 7 -> "nothing answers on " + (c.host() == null ? "localhost" : c.host()) + ":" + c.port()
                        + " (connection refused)";
                case 28 -> target + " got no answer within 5 s";
                case 52 -> target + " got an empty reply";
                default -> target + " failed (curl exit code " + reply.curlExit() + ")";
            });
        }
        if (reply.status() != c.status()) {
            return Outcome.fail(target + " answered " + reply.status() + " (expected " + c.status() + ")");
        }
        if (c.contains() != null && !reply.body().contains(c.contains())) {
            return Outcome.fail(target + " answered " + reply.status() + " but without " + Check.code(c.contains()));
        }
        return Outcome.pass();
    }

    private static String ip(JsonNode container) {
        String ip = container.path("NetworkSettings").path("IPAddress").asText("");
        if (!ip.isEmpty()) return ip;
        for (Iterator<JsonNode> it = container.path("NetworkSettings").path("Networks").elements(); it.hasNext(); ) {
            String candidate = it.next().path("IPAddress").asText("");
            if (!candidate.isEmpty()) return candidate;
        }
        return null;
    }
}
