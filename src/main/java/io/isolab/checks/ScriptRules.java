package io.isolab.checks;

import io.isolab.sandbox.ExecResult;

/** script conditions: exit code 0 inside the sandbox passes (Killercoda verify semantics). */
final class ScriptRules {
    static final int MAX_OUTPUT = 2048;

    private ScriptRules() {
    }

    static Outcome script(SandboxView view, ScriptCheck c) {
        ExecResult r = view.run(c.run(), c.timeoutSeconds());
        if (r.ok()) return Outcome.pass();
        String reason = r.timedOut() ? "the check did not finish within " + c.timeoutSeconds() + " s"
                : "the check exited with code " + r.exitCode();
        return Outcome.fail(reason, output(r));
    }

    /** stdout and stderr together, the end kept when long (errors come last), or null when both are empty. */
    static String output(ExecResult r) {
        String out = ((r.stdout() == null ? "" : r.stdout()) + (r.stderr() == null ? "" : r.stderr())).strip();
        if (out.isEmpty()) return null;
        return out.length() <= MAX_OUTPUT ? out : "…" + out.substring(out.length() - MAX_OUTPUT);
    }
}
