package io.isolab.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Katacoda/Killercoda scenario (labs/<id>/index.json, unmodified) into a Lab. The
 * optional sidecar labs/<id>/isolab.yaml gives the mind-map topic and order (default "more").
 * The intro's foreground script runs when step 1 starts (before step 1's own foreground), since
 * the player starts the terminal with step 1.
 */
final class ScenarioReader {

    static final String INDEX = "index.json";
    static final String SIDECAR = "isolab.yaml";
    static final int VERIFY_TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ScenarioReader.class);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");
    // Published index.json files carry trailing commas and comments: read them anyway.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final MarkdownRenderer markdown;
    private final MindMap mindMap;

    ScenarioReader(MarkdownRenderer markdown, MindMap mindMap) {
        this.markdown = markdown;
        this.mindMap = mindMap;
    }

    /** @return the lab, or null when {@code problems} got at least one entry */
    Lab read(Path dir, String id, List<LabProblem> problems) throws IOException {
        int before = problems.size();
        ScenarioFiles files = new ScenarioFiles(dir, id, Files.readString(dir.resolve(INDEX)), problems);
        JsonNode root;
        try {
            root = JSON.readTree(files.indexText());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(new LabProblem(files.index() + ":" + line, "JSON syntax error: " + e.getOriginalMessage()));
            return null;
        }
        if (!root.isObject()) {
            problems.add(new LabProblem(files.index() + ":1", "index.json must hold a JSON object"));
            return null;
        }
        String title = root.path("title").asText("");
        if (title.isBlank()) {
            problems.add(new LabProblem(files.index() + ":1", "missing `title`"));
        }
        JsonNode details = root.path("details");
        JsonNode intro = details.path("intro");
        String introHtml = files.text(intro, "text")
                .map(t -> markdown.render(t, id, folderOf(intro.path("text").asText()))).orElse(null);
        String setup = files.script(intro, "background", "courseData").orElse(null);
        String introForeground = files.script(intro, "foreground", "code").orElse(null);
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = details.path("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            Step step = step(files, stepNodes.get(i), i + 1, i == 0 ? introForeground : null, problems);
            if (step != null) {
                steps.add(step);
            }
        }
        if (stepNodes.isEmpty()) {
            problems.add(new LabProblem(files.index() + ":1", "the scenario has no steps (`details.steps`)"));
        }
        JsonNode finish = details.path("finish");
        String finishHtml = files.text(finish, "text")
                .map(t -> markdown.render(t, id, folderOf(finish.path("text").asText()))).orElse(null);
        List<Asset> assets = assets(files, details.path("assets").path("host01"));
        Sidecar sidecar = Sidecar.read(dir, id, mindMap, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Lab(id, LabFormat.SCENARIO, title, root.path("description").asText(""), sidecar.topic(),
                minutes(root.path("time").asText("")), sidecar.order(), setup, introHtml, finishHtml,
                List.copyOf(steps), assets, dir);
    }

    private Step step(ScenarioFiles files, JsonNode node, int number, String introForeground,
                      List<LabProblem> problems) {
        String title = node.path("title").asText("Step " + number);
        String textFile = node.path("text").asText(null);
        String text = files.text(node, "text").orElse("");
        String location = textFile == null ? files.index() : "labs/" + files.id() + "/" + textFile;
        QuizParser.Result quiz = QuizParser.parse(text, location);
        List<Condition> checks = new ArrayList<>(quiz.conditions());
        files.script(node, "verify", null).ifPresent(script -> checks.add(new Condition("script",
                Map.of("run", script, "timeout", VERIFY_TIMEOUT_SECONDS), null,
                "labs/" + files.id() + "/" + node.path("verify").asText() + ":1")));
        String html = markdown.render(quiz.markdown(), files.id(), folderOf(textFile));
        String solution = null;
        var answer = files.text(node, "answer");
        if (answer.isPresent()) {
            html += "\n<details class=\"solution\"><summary>Solution</summary>\n"
                    + markdown.render(answer.get(), files.id(), folderOf(node.path("answer").asText())) + "</details>\n";
            solution = String.join("\n", markdown.commands(answer.get(), files.id()));
        } else {
            List<String> inDetails = markdown.solutionCommands(text, files.id());
            solution = inDetails.isEmpty() ? null : String.join("\n", inDetails);
        }
        String foreground = join(introForeground, files.script(node, "foreground", "code").orElse(null));
        return new Step(number, slug(title, number), title, html, false,
                files.script(node, "background", "courseData").orElse(null), foreground, List.copyOf(checks),
                solution, quiz.answers(), textFile == null ? files.id() + "/" + INDEX : files.id() + "/" + textFile);
    }

    private List<Asset> assets(ScenarioFiles files, JsonNode host01) {
        List<Asset> out = new ArrayList<>();
        for (JsonNode a : host01) {
            String file = a.path("file").asText("");
            if (file.isBlank()) {
                continue;
            }
            if (!file.contains("*") && !Files.exists(files.dir().resolve("assets").resolve(file))) {
                // every official Killercoda Docker scenario lists a missing asset: warn, do not fail
                log.warn("labs/{}/assets/{} is listed in index.json but missing", files.id(), file);
            }
            String chmod = a.hasNonNull("chmod") ? a.get("chmod").asText() : null;
            out.add(new Asset("assets/" + file, a.path("target").asText("~/"), chmod));
        }
        return List.copyOf(out);
    }

    /** "step1/text.md" → "step1/": Killercoda resolves image paths against the Markdown file. */
    private static String folderOf(String file) {
        return file == null || !file.contains("/") ? "" : file.substring(0, file.lastIndexOf('/') + 1);
    }

    static int minutes(String time) {
        Matcher m = LEADING_NUMBER.matcher(time);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String slug(String title, int number) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "step-" + number : s;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.stripTrailing() + "\n" + b;
    }
}
