package io.isolab.agent.exec;

import java.util.List;

/** Body of POST /sandboxes/{id}/exec. */
public record ExecRequest(List<String> command, Integer timeoutSeconds, String stdin) {
}
