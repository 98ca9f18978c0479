package io.isolab.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a scenario's index.json points at, read relative to the scenario folder. A missing
 * Markdown text is a problem (the step cannot be shown); a missing script is a warning, as on
 * Killercoda.
 */
record ScenarioFiles(Path dir, String id, String indexText, List<LabProblem> problems) {

    private static final Logger log = LoggerFactory.getLogger(ScenarioFiles.class);

    String index() {
        return "labs/" + id + "/" + ScenarioReader.INDEX;
    }

    Optional<String> text(JsonNode page, String key) {
        return read(page, key, true);
    }

    /** A script under {@code key}, or under its legacy Katacoda name (courseData, code). */
    Optional<String> script(JsonNode page, String key, String legacyKey) {
        if (page.hasNonNull(key)) {
            return read(page, key, false);
        }
        return legacyKey == null ? Optional.empty() : read(page, legacyKey, false);
    }

    private Optional<String> read(JsonNode page, String key, boolean required) {
        if (!page.hasNonNull(key)) {
            return Optional.empty();
        }
        String name = page.get(key).asText();
        Path file = dir.resolve(name).normalize();
        String where = index() + ":" + lineOf("\"" + name + "\"");
        if (!file.startsWith(dir.normalize())) {
            problems.add(new LabProblem(where, "`" + key + "` points outside the scenario folder: " + name));
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            if (required) {
                problems.add(new LabProblem(where, "`" + key + "` file not found: " + name));
            } else {
                log.warn("{}: `{}` script not found: {}", where, key, name);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file).replace("\r\n", "\n"));
        } catch (IOException e) {
            problems.add(new LabProblem(where, "cannot read " + name + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** index.json has no node positions in Jackson's tree: find the line that names the file. */
    private int lineOf(String needle) {
        int at = indexText.indexOf(needle);
        if (at < 0) {
            return 1;
        }
        return (int) indexText.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
