package io.isolab.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunBlocksTest {

    @Test
    void readsRunBlocksAndSnippetsInOrderAndUnescapesThem() {
        String html = """
                <p>Create a page:</p>
                <div class="code-block" data-action="run" data-terminal="1"><pre><code class="language-bash">cat &gt; /root/i.html &lt;&lt;&#39;HTML&#39;
                &lt;h1&gt;Hi&lt;/h1&gt;
                HTML
                </code></pre></div>
                <p>Look: <code class="snippet" data-action="run" data-terminal="1" data-interrupt="false">grep &#34;Hi&#34; /root/i.html</code>.</p>
                <div class="code-block" data-action="copy" data-terminal="1"><pre><code>not run</code></pre></div>
                <p><code>plain</code> and <code class="snippet" data-action="run" data-terminal="2" data-interrupt="false">top</code></p>
                """;
        List<RunBlocks.Block> blocks = RunBlocks.from(html);
        assertThat(blocks).extracting(RunBlocks.Block::terminal).containsExactly("1", "1", "2");
        assertThat(blocks.get(0).command()).isEqualTo("cat > /root/i.html <<'HTML'\n<h1>Hi</h1>\nHTML\n");
        assertThat(blocks.get(1).command()).isEqualTo("grep \"Hi\" /root/i.html");
        assertThat(RunBlocks.terminalOneScript(blocks))
                .isEqualTo("cat > /root/i.html <<'HTML'\n<h1>Hi</h1>\nHTML\ngrep \"Hi\" /root/i.html\n");
    }

    @Test
    void noRunButtonsNoCommands() {
        assertThat(RunBlocks.from("<p>Just text with <code>ls</code></p>")).isEmpty();
        assertThat(RunBlocks.from(null)).isEmpty();
        assertThat(RunBlocks.unescape("&#x41;&#64;&amp;lt;")).isEqualTo("A@&lt;");
    }
}
