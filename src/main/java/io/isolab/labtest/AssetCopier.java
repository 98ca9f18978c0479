package io.isolab.labtest;

import io.isolab.catalog.Asset;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.ExecResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies a lab's assets into its sandbox before setup runs (Killercoda {@code details.assets}):
 * {@code source} is a file or glob relative to the lab folder, {@code target} a directory in the
 * sandbox ({@code ~} = root's home, the user every sandbox command runs as).
 */
final class AssetCopier {
    /** One argument to sh must stay below the kernel's 128 KiB per-argument limit. */
    private static final int CHUNK_BYTES = 48 * 1024;
    private static final Pattern CHMOD = Pattern.compile("[0-7]{3,4}|[ugoa]*[-+=][rwxXst]+(,[ugoa]*[-+=][rwxXst]+)*");

    /** A file to copy: where it is on this machine and where it goes in the sandbox. */
    record AssetFile(Path local, String target, String chmod) {
    }

    /** What {@link #resolve} found: the files, and warnings for sources that matched nothing. */
    record Resolved(List<AssetFile> files, List<String> warnings) {
    }

    private AssetCopier() {
    }

    static Resolved resolve(Path labDir, List<Asset> assets) throws LabTestException {
        List<AssetFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path root = labDir.toAbsolutePath().normalize();
        for (Asset asset : assets) {
            if (asset.chmod() != null && !asset.chmod().isBlank() && !CHMOD.matcher(asset.chmod().strip()).matches()) {
                throw new LabTestException("asset " + asset.source() + ": chmod '" + asset.chmod() + "' is neither octal (755) nor symbolic (+x)");
            }
            String targetDir = sandboxDir(asset.target());
            List<AssetFile> matched = isGlob(asset.source())
                    ? glob(root, asset, targetDir)
                    : single(root, asset, targetDir);
            if (matched.isEmpty()) {
                warnings.add("asset " + asset.source() + " matches no file in " + labDir + "; skipped");
            }
            files.addAll(matched);
        }
        return new Resolved(files, warnings);
    }

    static void copy(AgentClient agent, String sandboxId, List<AssetFile> files) throws LabTestException {
        for (AssetFile f : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(f.local());
            } catch (IOException e) {
                throw new LabTestException("cannot read asset " + f.local() + ": " + e.getMessage());
            }
            run(agent, sandboxId, f, "mkdir -p \"$(dirname \"$1\")\" && : > \"$1\"", List.of(f.target()));
            for (int at = 0; at < content.length; at += CHUNK_BYTES) {
                byte[] chunk = Arrays.copyOfRange(content, at, Math.min(content.length, at + CHUNK_BYTES));
                run(agent, sandboxId, f, "printf %s \"$2\" | base64 -d >> \"$1\"",
                        List.of(f.target(), Base64.getEncoder().encodeToString(chunk)));
            }
            if (f.chmod() != null && !f.chmod().isBlank()) {
                run(agent, sandboxId, f, "chmod \"$2\" \"$1\"", List.of(f.target(), f.chmod().strip()));
            }
        }
    }

    private static void run(AgentClient agent, String sandboxId, AssetFile f, String script, List<String> args)
            throws LabTestException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        command.addAll(args);
        ExecResult r = agent.exec(sandboxId, command, 30);
        if (!r.ok()) {
            throw new LabTestException("copying asset " + f.local().getFileName() + " to " + f.target() + " failed (exit "
                    + r.exitCode() + (r.timedOut() ? ", timed out" : "") + "): " + (r.stderr() + r.stdout()).strip());
        }
    }

    private static List<AssetFile> single(Path root, Asset asset, String targetDir) throws LabTestException {
        Path local = inside(root, root.resolve(asset.source()).normalize(), asset);
        if (!Files.isRegularFile(local)) return List.of();
        return List.of(new AssetFile(local, targetDir + local.getFileName(), asset.chmod()));
    }

    /** A glob keeps the sub-folders below its fixed part: {@code assets/app/**} → target/x/y.js. */
    private static List<AssetFile> glob(Path root, Asset asset, String targetDir) throws LabTestException {
        String source = asset.source().replace('\\', '/');
        String[] parts = source.split("/");
        int fixed = 0;
        while (fixed < parts.length && !isGlob(parts[fixed])) fixed++;
        Path base = inside(root, root.resolve(String.join("/", Arrays.copyOfRange(parts, 0, fixed))).normalize(), asset);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source);
        if (!Files.isDirectory(base)) return List.of();
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .map(p -> new AssetFile(p, targetDir + base.relativize(p).toString().replace('\\', '/'), asset.chmod()))
                    .toList();
        } catch (IOException e) {
            throw new LabTestException("cannot list assets " + asset.source() + ": " + e.getMessage());
        }
    }

    private static Path inside(Path root, Path path, Asset asset) throws LabTestException {
        if (!path.startsWith(root)) {
            throw new LabTestException("asset " + asset.source() + " points outside the lab folder");
        }
        return path;
    }

    /** The target directory with a trailing slash; {@code ~} is /root because sandbox commands run as root. */
    static String sandboxDir(String target) {
        String t = target == null || target.isBlank() ? "~" : target.strip();
        if (t.equals("~") || t.startsWith("~/")) t = "/root" + t.substring(1);
        if (!t.startsWith("/")) t = "/root/" + t;
        return t.endsWith("/") ? t : t + "/";
    }

    private static boolean isGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
