package io.isolab.checks;

import io.isolab.catalog.Condition;
import io.isolab.catalog.ConditionValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Gives a {@link Condition} as written in a lab its type (docs/lab-format.md, "Conditions"). Every
 * mistake is reported as {@code labs/<id>/<file>:<line>: kind.parameter: message}.
 */
@Component
public class ConditionParser implements ConditionValidator {
    static final Set<String> NAMESPACE_TYPES = Set.of("pid", "net", "mnt", "uts", "ipc", "user", "cgroup", "time");
    static final List<String> KINDS = List.of("process", "namespace", "cgroup", "container", "image", "network",
            "volume", "file", "http", "answer", "script");

    /** Every problem of the condition; empty when it parses. For the catalog and lint. */
    @Override
    public List<String> problems(Condition condition) {
        List<String> problems = new ArrayList<>();
        read(condition, problems);
        return problems;
    }

    /** @throws ConditionException listing every problem */
    public Check parse(Condition condition) {
        List<String> problems = new ArrayList<>();
        Check check = read(condition, problems);
        if (!problems.isEmpty()) throw new ConditionException(problems);
        return check;
    }

    private Check read(Condition c, List<String> problems) {
        String kind = c.kind() == null ? "" : c.kind();
        Params p = new Params(kind, c.params(), c.location(), problems);
        if (!KINDS.contains(kind)) {
            p.problem("unknown kind of check (known: " + String.join(", ", KINDS) + ")");
            return null;
        }
        return switch (kind) {
            case "process" -> process(p);
            case "namespace" -> namespace(p);
            case "cgroup" -> cgroup(p);
            case "container" -> DockerConditions.container(p);
            case "image" -> DockerConditions.image(p);
            case "network" -> DockerConditions.network(p);
            case "volume" -> DockerConditions.volume(p);
            case "file" -> file(p);
            case "http" -> http(p);
            case "answer" -> answer(p);
            default -> script(p);
        };
    }

    private static ProcessCheck process(Params p) {
        p.allow("command", "container", "namespace", "seccomp", "capEff", "capAdded", "capDropped");
        Pattern command = p.regex("command", false);
        String container = p.text("container", false);
        if (!p.has("command") && !p.has("container")) p.problem("needs `command` (a regex on the command line) or `container`");
        NamespaceRule rule = null;
        Params ns = p.map("namespace");
        if (ns != null) {
            ns.allow("type", "differsFrom", "sameAs");
            String type = namespaceType(ns, "type");
            boolean same = ns.has("sameAs");
            if (same == ns.has("differsFrom")) ns.problem("needs exactly one of `differsFrom` and `sameAs`");
            Target other = target(ns, same ? "sameAs" : "differsFrom");
            rule = new NamespaceRule(type, same, other);
        }
        Integer seccomp = p.integer("seccomp", false);
        if (seccomp != null && seccomp > 2) p.problem("seccomp", "must be 0 (off), 1 (strict) or 2 (filter)");
        String capEff = p.text("capEff", false);
        if (capEff != null && Answers.normalize(capEff, AnswerCheck.Normalize.HEX).isEmpty()) {
            p.problem("capEff", "`" + capEff + "` is not a hexadecimal mask like 00000000a80425fb");
        }
        return new ProcessCheck(command, container, rule, seccomp, capEff, capabilities(p, "capAdded"),
                capabilities(p, "capDropped"));
    }

    private static List<String> capabilities(Params p, String key) {
        List<String> out = new ArrayList<>();
        for (String name : p.texts(key)) {
            String canonical = Capabilities.canonical(name);
            if (canonical == null) p.problem(key, "`" + name + "` is not a Linux capability (e.g. NET_ADMIN)");
            else out.add(canonical);
        }
        return out;
    }

    private static NamespaceCheck namespace(Params p) {
        p.allow("type", "a", "b", "shared");
        String type = namespaceType(p, "type");
        Target a = target(p, "a");
        Target b = target(p, "b");
        if (!p.has("a")) p.problem("missing parameter `a`");
        if (!p.has("b")) p.problem("missing parameter `b`");
        Boolean shared = p.bool("shared");
        return new NamespaceCheck(type, a, b, shared == null || shared);
    }

    static String namespaceType(Params p, String key) {
        String type = p.text(key, true);
        if (type != null && !NAMESPACE_TYPES.contains(type)) {
            p.problem(key, "`" + type + "` is not a namespace type (one of " + String.join(", ", NAMESPACE_TYPES.stream().sorted().toList()) + ")");
        }
        return type;
    }

    /** `sandbox`, {command: regex} or {container: name}. */
    static Target target(Params p, String key) {
        Object v = p.value(key);
        if (v == null) return Target.SANDBOX;
        if ("sandbox".equals(v)) return Target.SANDBOX;
        if (!(v instanceof Map<?, ?>)) {
            p.problem(key, "must be `sandbox`, {command: regex} or {container: name}, not " + Params.describe(v));
            return Target.SANDBOX;
        }
        Params t = p.map(key);
        t.allow("command", "container");
        if (t.has("command") == t.has("container")) t.problem("needs exactly one of `command` and `container`");
        return new Target(t.regex("command", false), t.text("container", false));
    }

    private static CgroupCheck cgroup(Params p) {
        p.allow("container", "memoryLimit", "pidsLimit", "cpuUsage", "cpuQuota");
        String container = p.text("container", true);
        Limit memory = limit(p, "memoryLimit", Sizes::parseBytes);
        Limit pids = limit(p, "pidsLimit", s -> {
            if (!s.trim().matches("\\d{1,12}")) throw new IllegalArgumentException("`" + s + "` is not a whole number");
            return Long.parseLong(s.trim());
        });
        Limit cpu = limit(p, "cpuQuota", Sizes::parseMilliCpus);
        Object usage = p.value("cpuUsage");
        boolean cpuUsage = usage != null && (usage.equals(Boolean.TRUE) || "nonzero".equals(usage));
        if (usage != null && !cpuUsage) p.problem("cpuUsage", "must be `nonzero`, not " + Params.describe(usage));
        if (!p.has("memoryLimit") && !p.has("pidsLimit") && !p.has("cpuQuota") && !p.has("cpuUsage")) {
            p.problem("needs at least one of memoryLimit, pidsLimit, cpuUsage, cpuQuota");
        }
        return new CgroupCheck(container, memory, pids, cpuUsage, cpu);
    }

    private static Limit limit(Params p, String key, java.util.function.ToLongFunction<String> parse) {
        Object v = p.value(key);
        if (v == null) return null;
        if ("none".equals(v)) return new Limit(Limit.Mode.NONE, 0);
        if ("any".equals(v)) return new Limit(Limit.Mode.ANY, 0);
        if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Boolean) {
            p.problem(key, "must be a value, `none` or `any`, not " + Params.describe(v));
            return null;
        }
        try {
            return Limit.exact(parse.applyAsLong(v.toString()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            p.problem(key, e.getMessage() + "; or write `none` or `any`");
            return null;
        }
    }

    private static FileCheck file(Params p) {
        p.allow("path", "exists", "contains", "matches", "container");
        String path = absolutePath(p, "path");
        Boolean exists = p.bool("exists");
        String contains = p.text("contains", false);
        Pattern matches = p.regex("matches", false);
        if (Boolean.FALSE.equals(exists) && (contains != null || matches != null)) {
            p.problem("`exists: false` cannot go with `contains` or `matches`");
        }
        return new FileCheck(path, exists == null || exists, contains, matches == null ? null
                : Pattern.compile(matches.pattern(), Pattern.MULTILINE), DockerConditions.name(p, "container", false));
    }

    static String absolutePath(Params p, String key) {
        String path = p.text(key, true);
        if (path != null && !path.startsWith("/")) p.problem(key, "`" + path + "` must be an absolute path (start with /)");
        return path;
    }

    private static HttpCheck http(Params p) {
        p.allow("port", "path", "status", "contains", "host");
        Integer port = p.integer("port", true);
        if (port != null && (port < 1 || port > 65535)) p.problem("port", port + " is not a TCP port (1-65535)");
        String path = p.text("path", false);
        Integer status = p.integer("status", false);
        if (status != null && (status < 100 || status > 599)) p.problem("status", status + " is not an HTTP status");
        String host = p.text("host", false);
        if (host != null && !host.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) p.problem("host", "`" + host + "` is not a container name or host name");
        return new HttpCheck(port == null ? 0 : port, path == null ? "/" : path.startsWith("/") ? path : "/" + path,
                status == null ? 200 : status, p.text("contains", false),
                host == null || host.equals("sandbox") || host.equals("localhost") ? null : host);
    }

    private static AnswerCheck answer(Params p) {
        if (p.has("expected")) {
            return fixedAnswer(p);
        }
        p.allow("prompt", "value", "normalize");
        String prompt = p.text("prompt", true);
        Params value = p.map("value");
        AnswerCheck.Source source = null;
        AnswerCheck.Normalize normalize = AnswerCheck.Normalize.TEXT;
        if (value == null) {
            if (!p.has("value")) p.problem("missing parameter `value` ({pidOf: regex}, {nsOf: {...}}, {capEffOf: regex} or {script: shell})");
        } else {
            value.allow("pidOf", "nsOf", "capEffOf", "script");
            if (value.has("pidOf")) {
                source = new AnswerCheck.PidOf(value.regex("pidOf", true));
                normalize = AnswerCheck.Normalize.INT;
            } else if (value.has("nsOf")) {
                Params ns = value.map("nsOf");
                if (ns != null) {
                    ns.allow("type", "command", "container");
                    String type = namespaceType(ns, "type");
                    if (ns.has("command") && ns.has("container")) ns.problem("needs one of `command` and `container`, not both");
                    source = new AnswerCheck.NsOf(type, new Target(ns.regex("command", false), ns.text("container", false)));
                }
                normalize = AnswerCheck.Normalize.INT;
            } else if (value.has("capEffOf")) {
                source = new AnswerCheck.CapEffOf(value.regex("capEffOf", true));
                normalize = AnswerCheck.Normalize.HEX;
            } else if (value.has("script")) {
                source = new AnswerCheck.Script(value.text("script", true));
            } else {
                value.problem("needs one of pidOf, nsOf, capEffOf, script");
            }
        }
        String how = p.text("normalize", false);
        if (how != null) {
            try {
                normalize = AnswerCheck.Normalize.valueOf(how.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.problem("normalize", "must be int, hex or text, not `" + how + "`");
            }
        }
        return new AnswerCheck(prompt, source, normalize);
    }

    /** A quiz: the right answer is written in the lab, not read from the sandbox. */
    private static AnswerCheck fixedAnswer(Params p) {
        p.allow("prompt", "expected", "match", "options");
        String prompt = p.text("prompt", true);
        List<String> expected = p.texts("expected");
        String how = p.text("match", false);
        AnswerCheck.Match match = AnswerCheck.Match.EXACT;
        if (how != null) {
            try {
                match = AnswerCheck.Match.valueOf(how.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.problem("match", "must be exact, contains, single or multiple, not `" + how + "`");
            }
        }
        if (match != AnswerCheck.Match.MULTIPLE && expected.size() > 1) {
            p.problem("expected", "lists several answers; use `match: multiple` for that");
        }
        return new AnswerCheck(prompt, new AnswerCheck.Fixed(expected, match, p.texts("options")),
                AnswerCheck.Normalize.TEXT);
    }

    private static ScriptCheck script(Params p) {
        p.allow("run", "timeout");
        String run = p.text("run", true);
        Integer timeout = p.integer("timeout", false);
        if (timeout != null && (timeout < 1 || timeout > 300)) p.problem("timeout", "must be between 1 and 300 seconds");
        return new ScriptCheck(run, timeout == null ? 10 : timeout);
    }
}
