package io.isolab.selfhost;

import static io.isolab.selfhost.ComposeFile.list;
import static io.isolab.selfhost.ComposeFile.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What `docker compose config` would reject or silently ignore, checked without Docker: known
 * keys, image or build, port and volume syntax, named volumes declared, dependencies that exist
 * and have the health checks their conditions wait for, capability names, device rules.
 */
final class ComposeValidator {

    private static final Set<String> TOP = Set.of("version", "name", "services", "networks", "volumes",
            "configs", "secrets", "include", "models");
    private static final Set<String> SERVICE_KEYS = Set.of("annotations", "attach", "blkio_config", "build",
            "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count",
            "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus",
            "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns",
            "dns_opt", "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends",
            "external_links", "extra_hosts", "group_add", "healthcheck", "hostname", "image", "init", "ipc",
            "isolation", "labels", "links", "logging", "mac_address", "mem_limit", "mem_reservation",
            "mem_swappiness", "memswap_limit", "network_mode", "networks", "oom_kill_disable", "oom_score_adj",
            "pid", "pids_limit", "platform", "ports", "privileged", "profiles", "pull_policy", "read_only",
            "restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
            "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "user",
            "userns_mode", "uts", "volumes", "volumes_from", "working_dir");
    /** Capability names Docker 20.10 accepts (capability.h up to AUDIT_READ), plus ALL. */
    static final Set<String> CAPS = Set.of("ALL", "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID",
            "KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST",
            "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE",
            "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
            "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
            "BLOCK_SUSPEND", "AUDIT_READ");
    private static final Pattern PORT = Pattern.compile(
            "(?:(?<ip>\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]):)?(?:(?<host>\\d+(?:-\\d+)?)?:)?(?<ctr>\\d+(?:-\\d+)?)(?:/(?:tcp|udp|sctp))?");
    private static final Pattern DEVICE_RULE = Pattern.compile("[abc] (\\d+|\\*):(\\d+|\\*) [rwm]{1,3}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");
    private static final Set<String> VOLUME_MODES = Set.of("ro", "rw", "z", "Z", "nocopy", "shared", "rshared",
            "slave", "rslave", "private", "rprivate", "consistent", "cached", "delegated");

    private final ComposeFile compose;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> usedVolumes = new HashSet<>();

    private ComposeValidator(ComposeFile compose, Map<String, String> env) {
        this.compose = compose;
        this.env = env;
    }

    /** Problems, each naming the service and key; empty when the file is valid. */
    static List<String> check(ComposeFile compose, Map<String, String> env) {
        ComposeValidator v = new ComposeValidator(compose, env);
        v.run();
        return v.problems;
    }

    private void run() {
        compose.root().keySet().stream().filter(k -> !TOP.contains(k) && !k.startsWith("x-"))
                .forEach(k -> problems.add("unknown top-level key " + k));
        var services = compose.services();
        if (services.isEmpty()) {
            problems.add("no services");
        }
        services.forEach(this::service);
        for (String declared : map(compose.root().get("volumes")).keySet()) {
            if (!usedVolumes.contains(declared)) {
                problems.add("volume " + declared + " is declared but no service uses it");
            }
        }
    }

    private void service(String name, Map<String, Object> s) {
        String at = "services." + name;
        s.keySet().stream().filter(k -> !SERVICE_KEYS.contains(k) && !k.startsWith("x-"))
                .forEach(k -> problems.add(at + ": unknown key " + k));
        if (!s.containsKey("image") && !s.containsKey("build")) {
            problems.add(at + ": needs image or build");
        }
        Object build = s.get("build");
        if (build != null) {
            String context = build instanceof String b ? b : String.valueOf(map(build).get("context"));
            if (!java.nio.file.Files.isRegularFile(compose.dir().resolve(context).resolve("Dockerfile"))) {
                problems.add(at + ".build: no Dockerfile in " + context);
            }
        }
        s.forEach((key, value) -> strings(value).forEach(str ->
                Interpolation.uses(str, p -> problems.add(at + "." + key + ": " + p))));
        ComposeFile.environment(s).keySet().stream().filter(k -> !ENV_NAME.matcher(k).matches())
                .forEach(k -> problems.add(at + ".environment: bad name " + k));
        String network = String.valueOf(s.getOrDefault("network_mode", "bridge"));
        if (network.equals("host") && (s.containsKey("ports") || s.containsKey("networks"))) {
            problems.add(at + ": ports/networks have no effect with network_mode: host");
        }
        list(s.get("ports")).forEach(p -> port(at, p));
        list(s.get("volumes")).forEach(v -> volume(at, v));
        for (Object cap : list(s.get("cap_add"))) {
            if (!CAPS.contains(String.valueOf(cap))) {
                problems.add(at + ".cap_add: unknown capability " + cap);
            }
        }
        for (Object rule : list(s.get("device_cgroup_rules"))) {
            if (!DEVICE_RULE.matcher(String.valueOf(rule)).matches()) {
                problems.add(at + ".device_cgroup_rules: bad rule " + rule);
            }
        }
        for (Object dev : list(s.get("devices"))) {
            if (!String.valueOf(dev).startsWith("/")) {
                problems.add(at + ".devices: not an absolute device path: " + dev);
            }
        }
        for (String ref : List.of("pid", "cgroup")) {
            Object v = s.get(ref);
            if (v != null && !Set.of("host", "private").contains(String.valueOf(v))
                    && !String.valueOf(v).startsWith("service:")) {
                problems.add(at + "." + ref + ": expected host, private or service:<name>, got " + v);
            }
        }
        Object restart = s.get("restart");
        if (restart != null && !String.valueOf(restart).matches("no|always|unless-stopped|on-failure(:\\d+)?")) {
            problems.add(at + ".restart: unknown policy " + restart);
        }
        healthcheck(at, map(s.get("healthcheck")));
        dependencies(at, s.get("depends_on"));
    }

    private void port(String at, Object p) {
        String spec = p instanceof Map<?, ?> m ? String.valueOf(m.get("target")) : resolve(String.valueOf(p));
        var m = PORT.matcher(spec);
        if (!m.matches()) {
            problems.add(at + ".ports: bad port " + p);
            return;
        }
        for (String part : (m.group("ctr") + "-" + (m.group("host") == null ? "1" : m.group("host"))).split("-")) {
            int n = Integer.parseInt(part);
            if (n < 1 || n > 65535) {
                problems.add(at + ".ports: port out of range in " + p);
            }
        }
    }

    private void volume(String at, Object v) {
        String source;
        String target;
        if (v instanceof Map<?, ?> raw) {
            Map<String, Object> m = map(raw);
            String type = String.valueOf(m.get("type"));
            if (!Set.of("bind", "volume", "tmpfs", "npipe", "cluster").contains(type)) {
                problems.add(at + ".volumes: unknown type " + type);
            }
            source = type.equals("volume") || type.equals("bind") ? String.valueOf(m.get("source")) : "/";
            target = String.valueOf(m.get("target"));
            Object propagation = map(m.get("bind")).get("propagation");
            if (propagation != null && !VOLUME_MODES.contains(String.valueOf(propagation))) {
                problems.add(at + ".volumes: bad propagation " + propagation);
            }
        } else {
            String[] parts = String.valueOf(v).split(":");
            if (parts.length < 2 || parts.length > 3) {
                problems.add(at + ".volumes: expected SOURCE:TARGET[:MODE], got " + v);
                return;
            }
            source = parts[0];
            target = parts[1];
            if (parts.length == 3) {
                for (String mode : parts[2].split(",")) {
                    if (!VOLUME_MODES.contains(mode)) {
                        problems.add(at + ".volumes: unknown mode " + mode + " in " + v);
                    }
                }
            }
        }
        if (!target.startsWith("/")) {
            problems.add(at + ".volumes: target must be an absolute path: " + v);
        }
        boolean path = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        if (!path) {
            usedVolumes.add(source);
            if (!map(compose.root().get("volumes")).containsKey(source)) {
                problems.add(at + ".volumes: named volume " + source + " is not declared under top-level volumes");
            }
        }
    }

    private void healthcheck(String at, Map<String, Object> hc) {
        Object test = hc.get("test");
        if (hc.isEmpty() || test instanceof String) {
            return;
        }
        List<Object> t = list(test);
        if (t.isEmpty() || !Set.of("CMD", "CMD-SHELL", "NONE").contains(String.valueOf(t.get(0)))) {
            problems.add(at + ".healthcheck.test: must start with CMD, CMD-SHELL or NONE");
        }
    }

    private void dependencies(String at, Object deps) {
        Map<String, Object> byName = new java.util.LinkedHashMap<>();
        if (deps instanceof Map<?, ?>) {
            byName.putAll(map(deps));
        } else {
            list(deps).forEach(d -> byName.put(String.valueOf(d), Map.of()));
        }
        byName.forEach((dep, raw) -> {
            Map<String, Object> opts = map(raw);
            Map<String, Object> target = compose.services().get(dep);
            if (target == null) {
                problems.add(at + ".depends_on: no service " + dep);
                return;
            }
            Object condition = opts.getOrDefault("condition", "service_started");
            if (!CONDITIONS.contains(String.valueOf(condition))) {
                problems.add(at + ".depends_on." + dep + ": unknown condition " + condition);
            }
            if ("service_healthy".equals(condition) && !target.containsKey("healthcheck")) {
                problems.add(at + ".depends_on." + dep + ": waits for health but " + dep + " has no healthcheck");
            }
            if (target.containsKey("profiles") && !Boolean.FALSE.equals(opts.get("required"))) {
                problems.add(at + ".depends_on." + dep + ": " + dep + " only runs in a profile; mark it required: false");
            }
        });
    }

    private String resolve(String s) {
        return Interpolation.resolve(s, env, p -> { });
    }

    /** Every string in a YAML value, at any depth. */
    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(strings(v)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }
}
