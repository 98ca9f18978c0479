package io.isolab.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreviewLocationTest {
    private static final String PREFIX = "/labs/web/preview/80";

    @Test
    void redirectsInsideTheSandboxStayInsideThePreview() {
        assertThat(PreviewController.relocate("/sub/", PREFIX, "localhost:8080")).isEqualTo(PREFIX + "/sub/");
        assertThat(PreviewController.relocate("http://172.17.0.3/sub/?a=1", PREFIX, "localhost:8080"))
                .isEqualTo(PREFIX + "/sub/?a=1");
        assertThat(PreviewController.relocate("http://localhost:8080/labs/web/preview/80/x", PREFIX, "localhost:8080"))
                .isEqualTo("http://localhost:8080/labs/web/preview/80/x");
        assertThat(PreviewController.relocate("page.html", PREFIX, "localhost:8080")).isEqualTo("page.html");
        assertThat(PreviewController.relocate("//cdn.example/x", PREFIX, "localhost:8080")).isEqualTo("//cdn.example/x");
    }
}
