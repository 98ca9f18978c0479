package io.isolab.authors;

import io.isolab.accounts.SecurityConfig;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.isolab.catalog.Catalog;
import io.isolab.catalog.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

@WebMvcTest(AuthorsController.class)
@Import(SecurityConfig.class)
class AuthorsPageTest {

    @TestConfiguration
    static class Labs {
        @Bean
        Catalog catalog() {
            try {
                Path dir = Fixtures.copyTo(Files.createTempDirectory("isolab-authors-test"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
                Fixtures.write(dir.resolve("bad/lab.yaml"), "title: Bad\n");
                Fixtures.write(dir.resolve("bad/01-s.md"), "---\ntitle: S\nchecks:\n  - \"<script>x</script>\": {a: 1}\n---\nText\n");
                return new Catalog(dir, Duration.ofSeconds(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void listsProblemsWithFileLineAndTheLabsThatLoaded() throws Exception {
        String html = mvc.perform(get("/authors")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document d = Jsoup.parse(html);
        assertThat(d.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/isolab.css");
        assertThat(d.select("#problems tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.child(0).text()).isEqualTo("labs/bad/01-s.md:4");
            assertThat(row.child(1).text()).startsWith("unknown check kind `<script>x</script>`");
        });
        assertThat(d.select("#labs tbody tr")).extracting(r -> r.child(0).text() + ":" + r.child(4).text())
                .containsExactly("proc-basics:2", "kc-basics:2", "kata-docker:3");
        assertThat(d.select("#labs a").attr("href")).isEqualTo("/labs/proc-basics");
        assertThat(html).doesNotContain("<script>x");
        assertThat(d.select("#no-problems")).isEmpty();
        assertThat(d.select("h2").text()).contains("3");
        assertThat(d.select("td code")).extracting(Element::text).containsExactly("labs/bad/01-s.md:4");
    }
}
