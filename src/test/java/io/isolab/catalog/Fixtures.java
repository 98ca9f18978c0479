package io.isolab.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies src/test/resources/labs-fixtures into a temp folder, so tests can break and edit labs freely. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path copyTo(Path target) {
        try {
            Path source = Path.of(Fixtures.class.getResource("/labs-fixtures").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
