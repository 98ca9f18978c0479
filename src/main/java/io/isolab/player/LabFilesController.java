package io.isolab.player;

import io.isolab.catalog.Lab;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * Images and other media a step's text links to ({@code /labs/{id}/files/<path in the lab folder>},
 * docs/lab-format.md). Only media types are served, never lab sources or scripts, and nothing outside
 * the lab's folder; a strict CSP keeps an SVG's scripts from running on our origin.
 */
@Controller
public class LabFilesController {
    private static final Map<String, MediaType> TYPES = Map.of(
            "png", MediaType.IMAGE_PNG, "jpg", MediaType.IMAGE_JPEG, "jpeg", MediaType.IMAGE_JPEG,
            "gif", MediaType.IMAGE_GIF, "svg", MediaType.valueOf("image/svg+xml"), "webp", MediaType.valueOf("image/webp"),
            "ico", MediaType.valueOf("image/x-icon"), "pdf", MediaType.APPLICATION_PDF,
            "mp4", MediaType.valueOf("video/mp4"), "webm", MediaType.valueOf("video/webm"));
    private final Labs labs;

    public LabFilesController(Labs labs) {
        this.labs = labs;
    }

    @GetMapping("/labs/{id}/files/**")
    public ResponseEntity<Resource> file(@PathVariable String id, HttpServletRequest request) {
        Lab lab = labs.lab(id);
        String prefix = "/labs/" + id + "/files/";
        String relative = UriUtils.decode(
                request.getRequestURI().substring(request.getContextPath().length() + prefix.length()), StandardCharsets.UTF_8);
        Path root = lab.dir().toAbsolutePath().normalize();
        Path file = root.resolve(relative).normalize();
        MediaType type = TYPES.get(extension(file));
        if (!file.startsWith(root) || type == null || !Files.isRegularFile(file)) {
            throw new LabNotFoundException("The lab \"" + lab.title() + "\" has no file " + relative + ".");
        }
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
