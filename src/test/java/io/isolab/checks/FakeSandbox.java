package io.isolab.checks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.sandbox.CgroupStats;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.ProcessInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox made of hand-written agent answers (JSON as docs/agent-api.md and docker inspect print it),
 * for unit tests of the check logic until a real agent runs; LiveChecksTest covers the real one.
 */
final class FakeSandbox implements SandboxAccess {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSPECT = Pattern.compile("^docker (\\w+) inspect '([^']*)'$");

    String processes = "[]";
    final Map<String, CgroupStats> cgroups = new HashMap<>();
    /** "container db" → the object docker inspect prints (without the surrounding array). */
    final Map<String, String> inspect = new HashMap<>();
    private final List<Map.Entry<Pattern, ExecResult>> scripts = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    RuntimeException failure;

    FakeSandbox script(String regex, int exit, String stdout, String stderr) {
        scripts.add(Map.entry(Pattern.compile(regex, Pattern.DOTALL), new ExecResult(exit, stdout, stderr, false)));
        return this;
    }

    FakeSandbox script(String regex, ExecResult result) {
        scripts.add(Map.entry(Pattern.compile(regex, Pattern.DOTALL), result));
        return this;
    }

    SandboxView view() {
        return new SandboxView(this, JSON);
    }

    @Override
    public List<ProcessInfo> processes() {
        calls.add("processes");
        if (failure != null) throw failure;
        try {
            return JSON.readValue(processes, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<CgroupStats> cgroup(String container) {
        calls.add("cgroup " + container);
        if (failure != null) throw failure;
        return Optional.ofNullable(cgroups.get(container));
    }

    @Override
    public ExecResult shell(String script, int timeoutSeconds) {
        calls.add(script);
        if (failure != null) throw failure;
        for (Map.Entry<Pattern, ExecResult> rule : scripts) {
            if (rule.getKey().matcher(script).find()) return rule.getValue();
        }
        Matcher m = INSPECT.matcher(script);
        if (m.matches()) {
            String found = inspect.get(m.group(1) + " " + m.group(2));
            return found == null ? new ExecResult(1, "[]\n", "Error: No such " + m.group(1) + ": " + m.group(2) + "\n", false)
                    : new ExecResult(0, "[" + found + "]\n", "", false);
        }
        throw new AssertionError("the test did not expect the script: " + script);
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
