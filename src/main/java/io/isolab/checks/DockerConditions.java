package io.isolab.checks;

import java.util.ArrayList;
import java.util.List;

/** The parser's part for the sandbox's Docker engine: container, image, network, volume. */
final class DockerConditions {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.:/@-]*";

    private DockerConditions() {
    }

    static ContainerCheck container(Params p) {
        p.allow("name", "running", "image", "port", "publishedPort", "env", "link", "mount", "volumeFrom",
                "network", "cmd", "entrypoint", "count");
        ContainerCheck.Count count = null;
        Params c = p.map("count");
        if (c != null) {
            c.allow("image", "min", "max");
            Integer min = c.integer("min", false);
            Integer max = c.integer("max", false);
            if (min == null && max == null) c.problem("needs `min` and/or `max`");
            if (min != null && max != null && min > max) c.problem("min " + min + " is more than max " + max);
            count = new ContainerCheck.Count(name(c, "image", false), min == null ? 0 : min, max);
            if (p.has("name")) p.problem("`count` counts containers by image: leave out `name`");
        }
        String name = name(p, "name", count == null);
        return new ContainerCheck(name, p.bool("running"), name(p, "image", false), ports(p, "port"),
                publishedPorts(p), env(p, "env"), p.texts("link"), paths(p, "mount"), p.texts("volumeFrom"),
                p.texts("network"), command(p, "cmd"), command(p, "entrypoint"), count);
    }

    static ImageCheck image(Params p) {
        p.allow("name", "cmd", "entrypoint", "exposes", "env", "workdir", "layersAtLeast", "onbuild", "absentFile");
        return new ImageCheck(name(p, "name", true), command(p, "cmd"), command(p, "entrypoint"),
                ports(p, "exposes"), env(p, "env"), p.text("workdir", false), p.integer("layersAtLeast", false),
                p.bool("onbuild"), paths(p, "absentFile"));
    }

    static NetworkCheck network(Params p) {
        p.allow("name", "driver", "contains");
        return new NetworkCheck(name(p, "name", true), p.text("driver", false), p.texts("contains"));
    }

    static VolumeCheck volume(Params p) {
        p.allow("name");
        return new VolumeCheck(name(p, "name", true));
    }

    /** Docker names go into shell commands: restrict them to what Docker allows anyway. */
    static String name(Params p, String key, boolean required) {
        String name = p.text(key, required);
        if (name != null && !name.matches(NAME)) p.problem(key, "`" + name + "` is not a Docker name");
        return name;
    }

    /** "80", "80/tcp", "53/udp" → "80/tcp" form. */
    private static List<String> ports(Params p, String key) {
        List<String> out = new ArrayList<>();
        for (String port : p.texts(key)) {
            String t = port.trim().toLowerCase(java.util.Locale.ROOT);
            if (!t.matches("\\d{1,5}(/(tcp|udp|sctp))?")) {
                p.problem(key, "`" + port + "` is not a port like 80/tcp");
            } else {
                out.add(t.contains("/") ? t : t + "/tcp");
            }
        }
        return out;
    }

    private static List<Integer> publishedPorts(Params p) {
        List<Integer> out = new ArrayList<>();
        for (String port : p.texts("publishedPort")) {
            if (port.trim().matches("\\d{1,5}")) out.add(Integer.parseInt(port.trim()));
            else p.problem("publishedPort", "`" + port + "` is not a port number like 8080");
        }
        return out;
    }

    private static List<String> env(Params p, String key) {
        List<String> out = p.texts(key);
        for (String e : out) {
            if (!e.matches("[A-Za-z_][A-Za-z0-9_]*(=.*)?")) p.problem(key, "`" + e + "` is not NAME=value or NAME");
        }
        return out;
    }

    private static List<String> paths(Params p, String key) {
        List<String> out = new ArrayList<>();
        for (String path : p.texts(key)) {
            if (!path.startsWith("/")) p.problem(key, "`" + path + "` must be an absolute path (start with /)");
            else out.add(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
        return out;
    }

    /** A text (compared joined by spaces) or a list (compared exactly, as the JSON form). */
    private static CommandLine command(Params p, String key) {
        Object v = p.value(key);
        if (v == null) return null;
        if (v instanceof List<?>) return new CommandLine(p.texts(key), null);
        String text = p.text(key, false);
        return text == null ? null : new CommandLine(null, text);
    }
}
