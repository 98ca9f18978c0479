package io.isolab.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Renders code blocks and annotated snippets with the data attributes the player acts on. */
final class CodeRenderer implements NodeRenderer {

    private static final Pattern ANNOTATION = Pattern.compile("\\{\\{([^{}]*)}}");
    private final HtmlWriter html;

    CodeRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class, ActionCode.class, WriteBlock.class);
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case FencedCodeBlock f -> fenced(f);
            case IndentedCodeBlock i -> block(CodeAction.COPY, null, i.getLiteral());
            case ActionCode a -> snippet(a);
            case WriteBlock w -> write(w);
            default -> throw new IllegalArgumentException(node.getClass().getName());
        }
    }

    /** Info string: optional language, then native action words, or a moved {{annotation}}. */
    private void fenced(FencedCodeBlock f) {
        String info = f.getInfo() == null ? "" : f.getInfo().trim();
        CodeAction action = null;
        Matcher m = ANNOTATION.matcher(info);
        if (m.find()) {
            action = CodeAction.parse(m.group(1));
            info = (info.substring(0, m.start()) + info.substring(m.end())).trim();
        }
        String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
        String language = null;
        int first = 0;
        if (words.length > 0 && CodeAction.parse(words[0]) == null && !words[0].startsWith("terminal=")) {
            language = words[0].replaceAll("\\{.*$", ""); // Killercoda line highlights: yaml{2,5}
            first = 1;
        }
        if (action == null && words.length > first) {
            action = CodeAction.parse(String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length)));
        }
        if (action == null) {
            action = CodeAction.COPY;
        }
        if (language == null && action.action().equals("run")) {
            language = "bash";
        }
        block(action, language, f.getLiteral());
    }

    private void block(CodeAction action, String language, String literal) {
        Map<String, String> div = new LinkedHashMap<>();
        div.put("class", "code-block");
        div.put("data-action", action.action());
        div.put("data-terminal", String.valueOf(action.terminal()));
        if (action.interrupt()) {
            div.put("data-interrupt", "true");
        }
        html.line();
        html.tag("div", div);
        html.tag("pre");
        html.tag("code", language == null || language.isBlank() ? Map.of()
                : Map.of("class", "language-" + language));
        html.text(literal);
        html.tag("/code");
        html.tag("/pre");
        html.tag("/div");
        html.line();
    }

    private void snippet(ActionCode a) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("class", "snippet");
        attrs.put("data-action", a.action.action());
        attrs.put("data-terminal", String.valueOf(a.action.terminal()));
        attrs.put("data-interrupt", String.valueOf(a.action.interrupt()));
        html.tag("code", attrs);
        html.text(a.literal);
        html.tag("/code");
    }

    private void write(WriteBlock w) {
        Map<String, String> div = new LinkedHashMap<>();
        div.put("class", "code-block");
        boolean clipboard = "clipboard".equals(w.target);
        div.put("data-action", clipboard ? "copy" : "write");
        if (!clipboard) {
            div.put("data-filename", w.filename);
            div.put("data-target", w.target);
            if (w.marker != null) {
                div.put("data-marker", w.marker);
            }
        }
        html.line();
        html.tag("div", div);
        html.tag("pre");
        html.tag("code");
        html.text(w.content);
        html.tag("/code");
        html.tag("/pre");
        html.tag("/div");
        html.line();
    }
}
