package io.isolab.runtime;

import io.isolab.catalog.Asset;
import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.ExecResult;
import io.isolab.sandbox.Preparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Brings a sandbox to the state a step expects: assets copied, the lab's setup run, and the setup of
 * every step up to the current one run. Each piece leaves a marker file in the sandbox, so running
 * the preparation again (another step, a reload, a restarted web app) does only what is missing.
 */
@Component
public class LabRuntime {
    static final String MARKERS = "/var/lib/isolab-runtime";
    private static final int SETUP_TIMEOUT_SECONDS = 300;
    private final AgentClient agent;

    public LabRuntime(AgentClient agent) {
        this.agent = agent;
    }

    /** The preparation for opening {@code stepNumber} of {@code lab}. */
    public Preparation forStep(Lab lab, int stepNumber) {
        return (sandboxId, progress) -> {
            copyAssets(sandboxId, lab, progress);
            runOnce(sandboxId, "lab-setup", lab.setup(), "running the lab setup", progress);
            for (Step step : lab.steps()) {
                if (step.number() > stepNumber) break;
                runOnce(sandboxId, "step-" + step.number(), step.setup(),
                        "preparing step " + step.number(), progress);
            }
        };
    }

    private void copyAssets(String sandboxId, Lab lab, Consumer<String> progress) {
        List<Asset> assets = lab.assets() == null ? List.of() : lab.assets();
        if (assets.isEmpty() || marked(sandboxId, "assets")) return;
        progress.accept("copying " + assets.size() + " file(s) into the sandbox");
        for (Asset asset : assets) {
            ExecResult result = agent.exec(sandboxId, List.of("sh", "-c", AssetScript.write(asset)), 30,
                    Base64.getEncoder().encodeToString(read(lab, asset)));
            if (!result.ok()) {
                throw new AgentException("asset-failed", 500, "Copying " + asset.source() + " to " + asset.target()
                        + " failed: " + tail(result));
            }
        }
        mark(sandboxId, "assets");
    }

    private void runOnce(String sandboxId, String marker, String script, String what, Consumer<String> progress) {
        if (script == null || script.isBlank()) return;
        progress.accept(what);
        // The script travels on stdin, so no quoting of the author's shell is needed.
        String command = "test -e " + MARKERS + "/" + marker + " && exit 0; bash -s && mkdir -p " + MARKERS
                + " && touch " + MARKERS + "/" + marker;
        ExecResult result = agent.exec(sandboxId, List.of("sh", "-c", command), SETUP_TIMEOUT_SECONDS, script);
        if (result.timedOut()) {
            throw new AgentException("setup-timeout", 504, what + " did not finish within "
                    + SETUP_TIMEOUT_SECONDS + " s.");
        }
        if (result.exitCode() != 0) {
            throw new AgentException("setup-failed", 500, what + " failed (exit " + result.exitCode() + "): " + tail(result));
        }
    }

    private boolean marked(String sandboxId, String marker) {
        return agent.exec(sandboxId, List.of("test", "-e", MARKERS + "/" + marker), 10).exitCode() == 0;
    }

    private void mark(String sandboxId, String marker) {
        agent.exec(sandboxId, List.of("sh", "-c", "mkdir -p " + MARKERS + " && touch " + MARKERS + "/" + marker), 10);
    }

    private static byte[] read(Lab lab, Asset asset) {
        Path file = lab.dir().resolve(asset.source()).normalize();
        if (!file.startsWith(lab.dir().normalize())) {
            throw new AgentException("asset-failed", 500, "Asset " + asset.source() + " lies outside the lab folder.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AgentException("asset-failed", 500, "Cannot read asset " + asset.source() + ": " + e.getMessage());
        }
    }

    private static String tail(ExecResult result) {
        String out = (result.stderr() == null || result.stderr().isBlank()) ? result.stdout() : result.stderr();
        if (out == null) return "";
        out = out.strip();
        return out.length() > 400 ? "…" + out.substring(out.length() - 400) : out;
    }
}
