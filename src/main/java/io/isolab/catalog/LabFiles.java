package io.isolab.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * URLs of files inside a lab folder (images in step text): /labs/<id>/files/<path in the lab>.
 * The player serves that route from {@link Lab#dir()}.
 */
public final class LabFiles {

    private LabFiles() {
    }

    public static String prefix(String labId) {
        return "/labs/" + labId + "/files/";
    }

    /**
     * A relative link written in a Markdown file in {@code folder}, as a lab file URL; empty for
     * absolute URLs, anchors, and paths that leave the lab folder (those stay as written).
     */
    static Optional<String> url(String labId, String folder, String destination) {
        if (destination == null || destination.isBlank() || destination.startsWith("/")
                || destination.startsWith("#") || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : (folder + destination).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return Optional.of(prefix(labId) + String.join("/", parts));
    }
}
