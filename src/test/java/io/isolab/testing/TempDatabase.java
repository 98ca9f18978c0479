package io.isolab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Gives a Spring test context its own H2 file, so test classes never share progress or accounts. */
public final class TempDatabase {
    private TempDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String name) {
        try {
            Path dir = Files.createTempDirectory("isolab-" + name);
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("isolab"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
