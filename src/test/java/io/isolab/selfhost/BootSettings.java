package io.isolab.selfhost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;

/**
 * Spring Boot's own settings (server.port, spring.datasource.url, ...), from the configuration
 * metadata its jars carry. Both apps use the same Boot version (ComposeFileTest checks that), so
 * the web app's classpath answers for the agent too.
 */
final class BootSettings {

    private BootSettings() {
    }

    static KnownSettings load() {
        KnownSettings known = new KnownSettings();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(BootSettings.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        String name = p.path("name").asText();
                        if (p.path("type").asText().startsWith("java.util.Map")) {
                            known.addPrefix(name);
                        } else {
                            known.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!known.reads("server.port") || !known.reads("spring.datasource.url")) {
            throw new IllegalStateException("Spring Boot's configuration metadata is not on the classpath");
        }
        return known;
    }
}
