package io.isolab.selfhost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every environment variable and {@code --name=value} argument the compose file gives a Spring
 * Boot service (one built from a Maven project here) must be a setting that project reads, and
 * the settings a service cannot run without must be given.
 */
final class SettingsCheck {

    /** Read by the JVM or the shell, not by Spring. */
    private static final Set<String> NOT_SPRING = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ");

    private final ComposeFile compose;
    private final KnownSettings boot;
    private final Map<Path, KnownSettings> projects = new HashMap<>();

    SettingsCheck(ComposeFile compose, KnownSettings boot) {
        this.compose = compose;
        this.boot = boot;
    }

    /** The Maven project a service is built from, or null for services that only use an image. */
    Path project(Map<String, Object> service) {
        Object build = service.get("build");
        if (build == null) {
            return null;
        }
        String context = build instanceof String s ? s : String.valueOf(ComposeFile.map(build).get("context"));
        Path dir = compose.dir().resolve(context).normalize();
        return Files.isRegularFile(dir.resolve("pom.xml")) ? dir : null;
    }

    KnownSettings settings(Path project) {
        return projects.computeIfAbsent(project, p -> {
            KnownSettings k = SourceSettings.of(p);
            k.addAll(boot);
            return k;
        });
    }

    /** The settings a service passes: environment names and the names of --name=value arguments. */
    static List<Passed> passed(Map<String, Object> service) {
        List<Passed> result = new ArrayList<>();
        ComposeFile.environment(service).keySet().forEach(k -> result.add(new Passed("environment." + k, k)));
        for (String arg : ComposeFile.command(service)) {
            String name = arg.startsWith("--") ? arg.substring(2).replaceAll("=.*", "") : "";
            result.add(new Passed("command " + arg, name));
        }
        return result;
    }

    record Passed(String where, String name) {
    }

    /** Problems for all Spring services; {@code required} lists, per service, settings it must get. */
    List<String> check(Map<String, List<String>> required) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Path project = project(service);
            List<String> mustHave = required.getOrDefault(name, List.of());
            if (project == null) {
                if (!mustHave.isEmpty()) {
                    problems.add("services." + name + ": not built from a Maven project, cannot check " + mustHave);
                }
                return;
            }
            KnownSettings known = settings(project);
            List<Passed> passed = passed(service);
            for (Passed p : passed) {
                if (p.name().isEmpty()) {
                    problems.add("services." + name + "." + p.where() + ": a Spring Boot app takes --name=value arguments only");
                } else if (!NOT_SPRING.contains(p.name()) && !known.reads(p.name())) {
                    problems.add("services." + name + "." + p.where() + ": " + project.getFileName()
                            + " reads no setting " + SettingName.of(p.name())
                            + " (environment names bind by relaxed binding: ISOLAB_AGENT_STATEDIR is isolab.agent.state-dir)");
                }
            }
            for (String setting : mustHave) {
                if (passed.stream().noneMatch(p -> SettingName.of(p.name()).equals(SettingName.of(setting)))) {
                    problems.add("services." + name + ": required setting " + setting + " is not given");
                }
            }
        });
        return problems;
    }
}
