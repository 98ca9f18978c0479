package io.isolab.agent.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads processes from a /proc tree. Any process may exit mid-read: every read answers
 * empty instead of failing, and callers skip the process.
 */
final class ProcFs {

    private final Path root;

    ProcFs(Path root) {
        this.root = root;
    }

    List<Integer> pids() {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root + ": " + e.getMessage(), e);
        }
        pids.sort(null);
        return pids;
    }

    Optional<List<String>> cgroupLines(int pid) {
        return text(pid, "cgroup").map(s -> s.lines().filter(l -> !l.isBlank()).toList());
    }

    Optional<String> text(int pid, String file) {
        try {
            return Optional.of(Files.readString(root.resolve(Integer.toString(pid)).resolve(file),
                    StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Optional<byte[]> bytes(int pid, String file) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(Integer.toString(pid)).resolve(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The inode of a namespace link such as {@code pid:[4026531836]}, or null. */
    Long namespace(int pid, String type) {
        try {
            String link = Files.readSymbolicLink(root.resolve(Integer.toString(pid)).resolve("ns").resolve(type))
                    .toString();
            int open = link.indexOf('[');
            int close = link.indexOf(']');
            return open < 0 || close < open ? null : Long.parseLong(link.substring(open + 1, close));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
