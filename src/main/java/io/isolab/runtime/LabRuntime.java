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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a sandbox to the state a step expects: assets copied, the lab's setup run, and the setup of
 * every step up to the current one run. On resume (a fresh sandbox for a learner who already passed
 * earlier steps) the solutions of those passed steps are replayed in order after each step's setup,
 * so the sandbox is where the learner left it; the status line says so ("Replaying steps 1–3 …").
 * Each piece leaves a marker file in the sandbox, so running the preparation again (another step, a
 * reload, a restarted web app) does only what is missing; a step passed in this very sandbox is
 * marked solved by {@link #markSolved} and never replayed.
 */
@Component
public class LabRuntime {
    static final String MARKERS = "/var/lib/isolab-runtime";
    /** Inside the sandbox: the replayed solutions and their output, for the learner to read. */
    public static final String REPLAY_LOG = "/var/log/isolab-replay.log";
    private static final int SETUP_TIMEOUT_SECONDS = 300;
    private static final int REPLAY_TIMEOUT_SECONDS = 120;
    private static final Logger log = LoggerFactory.getLogger(LabRuntime.class);
    private final AgentClient agent;

    public LabRuntime(AgentClient agent) {
        this.agent = agent;
    }

    /** The preparation for opening {@code stepNumber} of {@code lab}, with nothing to replay. */
    public Preparation forStep(Lab lab, int stepNumber) {
        return forStep(lab, stepNumber, Set.of());
    }

    /**
     * The preparation for opening {@code stepNumber} of {@code lab} for a learner who has passed
     * {@code passed}: the solutions of passed steps before {@code stepNumber} are replayed.
     */
    public Preparation forStep(Lab lab, int stepNumber, Set<Integer> passed) {
        List<Integer> replay = lab.steps().stream()
                .filter(s -> s.number() < stepNumber && passed.contains(s.number()))
                .filter(s -> s.solution() != null && !s.solution().isBlank())
                .map(Step::number).toList();
        return (sandboxId, progress) -> {
            copyAssets(sandboxId, lab, progress);
            runOnce(sandboxId, "lab-setup", lab.setup(), "running the lab setup", progress);
            List<Integer> replayed = new ArrayList<>();
            for (Step step : lab.steps()) {
                if (step.number() > stepNumber) break;
                runOnce(sandboxId, "step-" + step.number(), step.setup(),
                        "preparing step " + step.number(), progress);
                if (replay.contains(step.number()) && replay(sandboxId, step, replay, progress)) {
                    replayed.add(step.number());
                }
            }
            if (replayed.isEmpty()) return null;
            return "Replayed your " + (replayed.size() == 1 ? "solution of step " + replayed.getFirst()
                    : "solutions of steps " + replayed.getFirst() + "–" + replayed.getLast())
                    + " (see: cat " + REPLAY_LOG + ")";
        };
    }

    /** Notes in the sandbox that the learner solved {@code step} there, so it is never replayed into it. */
    public void markSolved(String sandboxId, int step) {
        try {
            mark(sandboxId, "solved-" + step);
        } catch (AgentException e) {
            // Only costs a needless replay later; the learner's passed check stands.
            log.info("Could not mark step {} solved in sandbox {}: {}", step, sandboxId, e.getMessage());
        }
    }

    /** Runs a passed step's solution unless this sandbox has it already; true when it ran. */
    private boolean replay(String sandboxId, Step step, List<Integer> replay, Consumer<String> progress) {
        String what = "Replaying " + (replay.size() == 1 ? "step " + replay.getFirst() + " (your earlier solution)"
                : "steps " + replay.getFirst() + "–" + replay.getLast() + " (your earlier solutions)")
                + ": step " + step.number() + " (" + (replay.indexOf(step.number()) + 1) + " of " + replay.size() + ")…";
        String marker = MARKERS + "/solved-" + step.number();
        // The commands and their output go to REPLAY_LOG, so the learner can see what was done for them.
        // Commands are logged as "$ command", output as is; the script comes on stdin (no quoting needed).
        String command = "set -o pipefail; mkdir -p /var/log " + MARKERS + "; script=$(cat); { printf '\\n### step "
                + step.number() + ": your earlier solution\\n'; printf '%s\\n' \"$script\" | sed 's/^/$ /'; } >> "
                + REPLAY_LOG + "; printf '%s\\n' \"$script\" | bash -s >> " + REPLAY_LOG + " 2>&1 && touch " + marker;
        if (marked(sandboxId, "solved-" + step.number())) return false;
        progress.accept(what);
        ExecResult result = agent.exec(sandboxId, List.of("bash", "-c", command), REPLAY_TIMEOUT_SECONDS, step.solution());
        // A solution that does not replay cleanly must not lock the learner out of their lab: they see
        // the step and can redo it by hand.
        if (result.timedOut() || result.exitCode() != 0) {
            log.info("Replaying the solution of step {} in sandbox {} failed (exit {}): {}", step.number(), sandboxId,
                    result.exitCode(), tail(result));
        }
        return true;
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
