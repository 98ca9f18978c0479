package io.isolab.agent.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;

/** Runs commands inside sandboxes with docker exec, as root, bounded by a timeout. */
@Service
public class ExecService {

    /** Longest stdin we pass: it travels in an environment variable, which Linux caps at 128 KiB. */
    public static final int MAX_STDIN_CHARS = 100 * 1024;

    private final DockerClient docker;

    public ExecService(DockerClient docker) {
        this.docker = docker;
    }

    public ExecResult run(String containerId, List<String> command, Duration timeout, String stdin) {
        List<String> cmd = command;
        List<String> env = List.of();
        if (stdin != null) {
            // Docker's attach-stdin cannot half-close over every transport; an env var plus printf
            // delivers the bytes and a clean EOF.
            cmd = new ArrayList<>(List.of("sh", "-c", "printf '%s' \"$ISOLAB_EXEC_STDIN\" | \"$@\"", "sh"));
            cmd.addAll(command);
            env = List.of("ISOLAB_EXEC_STDIN=" + stdin);
        }
        ExecCreateCmdResponse created = docker.execCreateCmd(containerId)
                .withCmd(cmd.toArray(String[]::new))
                .withEnv(env)
                .withUser("root")
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec();
        OutputCollector out = new OutputCollector();
        boolean timedOut = false;
        try (OutputCollector callback = docker.execStartCmd(created.getId()).exec(out)) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(created.getId());
                callback.awaitCompletion(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(created.getId());
            throw new IllegalStateException("Interrupted while running a command in the sandbox", e);
        } catch (IOException e) {
            // closing the stream failed: the result we have is still valid
        }
        Long exit = docker.inspectExecCmd(created.getId()).exec().getExitCodeLong();
        return new ExecResult(exit == null ? -1 : exit.intValue(), out.stdout(), out.stderr(), timedOut);
    }

    /** Kills the exec'd process and everything it started; the agent sees them in the host pid namespace. */
    private void killTree(String execId) {
        InspectExecResponse info = docker.inspectExecCmd(execId).exec();
        Long pid = info.getPidLong();
        if (pid == null || pid <= 0) {
            return;
        }
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        root.ifPresent(p -> {
            List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
            tree.add(0, p);
            tree.forEach(ProcessHandle::destroyForcibly);
        });
    }
}
