package io.isolab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer md = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(md.render(markdown, "lab-1"));
    }

    @Test
    void sanitizerStripsScriptsAndHandlersButKeepsCodeBlockAttributes() {
        String html = md.render("""
                <script>alert(1)</script>

                <a href="javascript:alert(1)" onclick="steal()">x</a> <img src="a.png" onerror="steal()">

                <div class="code-block" data-action="run" data-terminal="2" onmouseover="steal()"><pre><code>ls</code></pre></div>

                ```bash run
                echo hi
                ```
                """, "lab-1");
        assertThat(html).doesNotContain("<script", "alert(1)", "onclick", "onerror", "onmouseover", "javascript:");
        assertThat(html).contains("<div class=\"code-block\" data-action=\"run\" data-terminal=\"2\">");
        assertThat(html).contains("<img src=\"/labs/lab-1/files/a.png\" />");
        assertThat(html).contains("<div class=\"code-block\" data-action=\"run\" data-terminal=\"1\"><pre><code class=\"language-bash\">echo hi");
    }

    @Test
    void tablesImagesLinksAndDetailsSurvive() {
        Document d = render("""
                | a | b |
                |---|---|
                | 1 | 2 |

                ![pic](img/p.png) [docs](https://example.org/x)

                <details><summary>Solution</summary>

                `ls`{{exec}}

                </details>
                """);
        assertThat(d.select("table td")).extracting(Element::text).containsExactly("1", "2");
        assertThat(d.select("img").attr("src")).isEqualTo("/labs/lab-1/files/img/p.png");
        assertThat(d.select("a").attr("href")).isEqualTo("https://example.org/x");
        assertThat(d.select("details > summary").text()).isEqualTo("Solution");
        assertThat(d.select("details code.snippet").text()).isEqualTo("ls");
    }

    @Test
    void nativeInfoStringsChooseRunOrCopyAndTheTerminal() {
        Document d = render("""
                ```bash run
                a
                ```

                ```run
                b
                ```

                ```sh run
                c
                ```

                ```run T2
                d
                ```

                ```bash run terminal=2
                e
                ```

                ```copy
                f
                ```

                ```
                g
                ```

                ```python
                h
                ```
                """);
        var blocks = d.select("div.code-block");
        assertThat(blocks).extracting(e -> e.attr("data-action") + e.attr("data-terminal") + ":" + e.text())
                .containsExactly("run1:a", "run1:b", "run1:c", "run2:d", "run2:e", "copy1:f", "copy1:g", "copy1:h");
        assertThat(blocks).extracting(e -> e.selectFirst("code").className())
                .containsExactly("language-bash", "language-bash", "language-sh", "language-bash", "language-bash",
                        "", "", "language-python");
    }

    @Test
    void inlineAnnotationsBecomeSnippets() {
        Document d = render("`a`{{exec}} `b`{{execute}} `c`{{execute T2}} `d`{{execute interrupt}} "
                + "`e`{{EXECUTE HOST2}} `f`{{copy}} `g`{{exec interrupt T2}} `h` `i`{{}} `j`{{open}} rest");
        assertThat(d.select("code.snippet")).extracting(e -> e.text() + "=" + e.attr("data-action")
                        + e.attr("data-terminal") + e.attr("data-interrupt"))
                .containsExactly("a=run1false", "b=run1false", "c=run2false", "d=run1true", "e=run2false",
                        "f=copy1false", "g=run2true");
        assertThat(d.select("code:not(.snippet)")).extracting(Element::text).containsExactly("h", "i", "j");
        assertThat(d.text()).doesNotContain("{{").endsWith("rest");
    }

    @Test
    void goTemplateBracesInCommandsStayIntact() {
        Document d = render("""
                `docker inspect example:single --format='{{.Size}}'`{{execute}}
                `docker ps --format '{{ .Names }}'`{{copy}} and `docker inspect -f "{{json .Containers}}" n`

                ```
                docker inspect --format {{.Size}} x
                ```{{execute}}
                """);
        assertThat(d.select("code.snippet")).extracting(Element::text).containsExactly(
                "docker inspect example:single --format='{{.Size}}'", "docker ps --format '{{ .Names }}'");
        assertThat(d.select("code:not(.snippet)").first().text()).isEqualTo("docker inspect -f \"{{json .Containers}}\" n");
        assertThat(d.select("div.code-block").attr("data-action")).isEqualTo("run");
        assertThat(d.select("div.code-block code").text()).isEqualTo("docker inspect --format {{.Size}} x");
    }

    @Test
    void annotationOnClosingFenceDoesNotSwallowTheRest() {
        Document d = render("```\nuname -r\npwd\n```{{exec interrupt}}\n\nAfter the block.\n\n```\nls\n```{{copy}}\n");
        assertThat(d.select("div.code-block")).extracting(e -> e.attr("data-action") + e.attr("data-interrupt"))
                .containsExactly("runtrue", "copy");
        assertThat(d.select("p").text()).isEqualTo("After the block.");
    }

    @Test
    void katacodaFileBlocksWriteToFiles() {
        Document d = render("""
                <pre class="file" data-filename="app.js" data-target="replace">const a = 1 &lt; 2;
                console.log(a);
                </pre>

                <pre class="file" data-filename="app.js" data-target="append">// more
                </pre>

                <pre class="file" data-target="clipboard">copied</pre>
                """);
        var blocks = d.select("div.code-block");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).attr("data-action")).isEqualTo("write");
        assertThat(blocks.get(0).attr("data-filename")).isEqualTo("app.js");
        assertThat(blocks.get(0).attr("data-target")).isEqualTo("replace");
        assertThat(blocks.get(0).selectFirst("pre > code").wholeText()).isEqualTo("const a = 1 < 2;\nconsole.log(a);\n");
        assertThat(blocks.get(1).attr("data-target")).isEqualTo("append");
        assertThat(blocks.get(2).attr("data-action")).isEqualTo("copy");
    }

    @Test
    void portUrlsBecomePreviewLinksAndLocalhostInCommands() {
        Document d = render("""
                Open https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/status.
                [app](https://[[HOST_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/) and
                [NGINX]({{TRAFFIC_HOST1_80}}) `curl {{TRAFFIC_HOST1_3000}}/api`{{exec}} {{other}}
                """);
        assertThat(d.select("a.preview-link")).extracting(e -> e.attr("href")).containsExactly(
                "/labs/lab-1/preview/80/status", "/labs/lab-1/preview/8080/", "/labs/lab-1/preview/80/");
        assertThat(d.select("code.snippet").text()).isEqualTo("curl http://localhost:3000/api");
        assertThat(d.text()).contains("{{other}}").endsWith("{{other}}");
    }

    @Test
    void commandsOfAnAnswerAndOfSolutionDropdowns() {
        String text = "Intro `echo no`{{copy}}\n\n<details><summary>Solution</summary>\n\n```\nmkdir x\n```{{exec}}\n\n"
                + "`touch x/y`{{exec}}\n\n</details>\n\n```\nls\n```\n";
        assertThat(md.solutionCommands(text, "l")).containsExactly("mkdir x", "touch x/y");
        assertThat(md.commands(text, "l")).containsExactly("mkdir x", "touch x/y", "ls");
    }

    @Test
    void relativeImagesPointAtLabFilesResolvedAgainstTheMarkdownFolder() {
        String html = md.render("![a](../assets/a.png) ![b](./b.png) ![c](https://x.org/c.png) ![d](../../up.png) ![e](/abs.png)",
                "lab-1", "step1/");
        assertThat(Jsoup.parseBodyFragment(html).select("img")).extracting(e -> e.attr("src")).containsExactly(
                "/labs/lab-1/files/assets/a.png", "/labs/lab-1/files/step1/b.png", "https://x.org/c.png",
                "../../up.png", "/abs.png");
    }
}
