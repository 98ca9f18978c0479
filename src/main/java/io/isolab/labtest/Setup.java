package io.isolab.labtest;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.ExecResult;
import java.util.List;

/** Runs an author's hidden setup script in the sandbox, with bash as Killercoda does, failing with its output. */
final class Setup {
    private static final int OUTPUT_CHARS = 4000;

    private Setup() {
    }

    static void run(AgentClient agent, String sandboxId, String script, int timeoutSeconds, String what)
            throws LabTestException {
        ExecResult r = agent.exec(sandboxId, List.of("bash", "-c", script), timeoutSeconds);
        if (r.ok()) return;
        String output = ((r.stdout() == null ? "" : r.stdout()) + (r.stderr() == null ? "" : r.stderr())).strip();
        if (output.length() > OUTPUT_CHARS) output = "..." + output.substring(output.length() - OUTPUT_CHARS);
        throw new LabTestException(what + (r.timedOut() ? " timed out after " + timeoutSeconds + " s" : " exited " + r.exitCode())
                + (output.isEmpty() ? " without output" : ", output:\n" + output.indent(2).stripTrailing()));
    }
}
