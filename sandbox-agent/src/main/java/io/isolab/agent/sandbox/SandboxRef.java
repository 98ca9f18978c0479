package io.isolab.agent.sandbox;

/**
 * What other parts of the agent need to know about a live sandbox.
 *
 * @param id          the agent's sandbox id (first 12 hex digits of the container id)
 * @param containerId full Docker container id on the host engine
 * @param initPid     host pid of the sandbox's pid 1
 * @param ip          the sandbox's address on the host bridge
 */
public record SandboxRef(String id, String containerId, int initPid, String ip) {
}
