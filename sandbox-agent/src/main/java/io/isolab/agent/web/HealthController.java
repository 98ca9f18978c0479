package io.isolab.agent.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.github.dockerjava.api.DockerClient;

import io.isolab.agent.sandbox.AgentProperties;
import io.isolab.agent.sandbox.SandboxFactory;

/** Open (no token): lets operators and the web app see whether the agent and its engine are usable. */
@RestController
public class HealthController {

    public record Health(String status, String docker, String image, boolean imagePresent, String message) {
    }

    private final DockerClient docker;
    private final AgentProperties props;
    private final SandboxFactory factory;

    public HealthController(DockerClient docker, AgentProperties props, SandboxFactory factory) {
        this.docker = docker;
        this.props = props;
        this.factory = factory;
    }

    @GetMapping("/api/v1/health")
    public Health health() {
        try {
            String version = docker.versionCmd().exec().getVersion();
            boolean present = factory.imagePresent();
            return new Health("UP", version, props.image(), present,
                    present ? null : "Sandbox image " + props.image() + " is missing: build it with ./isolab run.");
        } catch (RuntimeException e) {
            return new Health("DOWN", null, props.image(), false, "Docker engine unreachable: " + e.getMessage());
        }
    }
}
