package io.isolab.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lab Markdown (native and Katacoda/Killercoda) to sanitized HTML. Annotations are attached to
 * code nodes of the parsed tree, never found by string search, so Go templates such as
 * {@code {{.Size}}} inside commands stay as written.
 */
public final class MarkdownRenderer {

    private static final Pattern LEADING_ANNOTATION = Pattern.compile("^\\{\\{([^{}]*)}}");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9 -]*");

    private static final Pattern HTML_IMG = Pattern.compile("<img src=\"([^\"]*)\"");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** @param labId used for port preview links (/labs/<id>/preview/<port>/) */
    public String render(String markdown, String labId) {
        return render(markdown, labId, "");
    }

    /**
     * @param folder the Markdown file's folder inside the lab ("" or "step1/"): relative image
     *               paths resolve against it (Killercoda) and point at /labs/<id>/files/<path>
     */
    public String render(String markdown, String labId, String folder) {
        Node doc = parse(markdown, labId);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                LabFiles.url(labId, folder, image.getDestination()).ifPresent(image::setDestination);
            }
        });
        String prefix = ScenarioSyntax.previewPrefix(labId);
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .nodeRendererFactory(CodeRenderer::new)
                .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                    if (node instanceof Link l && l.getDestination().startsWith(prefix)) {
                        attrs.put("class", "preview-link");
                    }
                })
                .build();
        return htmlImages(HtmlPolicy.sanitize(renderer.render(doc)), labId, folder);
    }

    /** Raw HTML images (Katacoda writes {@code <img src="./assets/x.png">}) get the same lab file URLs. */
    private static String htmlImages(String sanitized, String labId, String folder) {
        // the sanitizer writes every img as <img src="..." with src first, so this sees only its output
        Matcher m = HTML_IMG.matcher(sanitized);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String src = LabFiles.url(labId, folder, m.group(1)).orElse(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("<img src=\"" + src + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The shell a reader would run: fenced blocks and run-snippets, in order (for solutions). */
    public List<String> commands(String markdown, String labId) {
        List<String> out = new ArrayList<>();
        parse(markdown, labId).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock f) {
                out.add(f.getLiteral().stripTrailing());
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof ActionCode a && a.action.action().equals("run")) {
                    out.add(a.literal);
                }
            }
        });
        return out;
    }

    /**
     * Commands inside {@code <details>} sections (Killercoda's inline "Solution" dropdowns), in
     * order: the step's solution when the scenario has no separate answer file.
     */
    public List<String> solutionCommands(String markdown, String labId) {
        List<String> out = new ArrayList<>();
        int[] depth = {0};
        parse(markdown, labId).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock h) {
                depth[0] += count(h.getLiteral(), "<details") - count(h.getLiteral(), "</details");
            }

            @Override
            public void visit(FencedCodeBlock f) {
                if (depth[0] > 0) {
                    out.add(f.getLiteral().stripTrailing());
                }
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (depth[0] > 0 && node instanceof ActionCode a && a.action.action().equals("run")) {
                    out.add(a.literal);
                }
            }
        });
        return out;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private Node parse(String markdown, String labId) {
        String source = ScenarioSyntax.previewLinks(ScenarioSyntax.moveFenceAnnotations(markdown), labId);
        Node doc = parser.parse(source);
        Collector c = new Collector();
        doc.accept(c);
        String prefix = ScenarioSyntax.previewPrefix(labId);
        c.codes.forEach(code -> annotate(code, prefix));
        c.fences.forEach(f -> f.setLiteral(localPorts(f.getLiteral(), prefix)));
        c.htmlBlocks.forEach(FileBlocks::replace);
        c.texts.stream().filter(t -> t.getParent() != null).forEach(t -> linkify(t, prefix));
        return doc;
    }

    /** A {{...}} glued to the end of an inline code span turns it into a snippet with an action. */
    private static void annotate(Code code, String prefix) {
        String literal = localPorts(code.getLiteral(), prefix);
        code.setLiteral(literal);
        if (!(code.getNext() instanceof Text next)) {
            return;
        }
        Matcher m = LEADING_ANNOTATION.matcher(next.getLiteral());
        if (!m.find()) {
            return;
        }
        CodeAction action = CodeAction.parse(m.group(1));
        if (action == null && !WORDS.matcher(m.group(1)).matches()) {
            return; // not an annotation, e.g. a Go template after a code span
        }
        // {{}} (Killercoda: "copying disabled") and unsupported verbs ({{open}}) leave plain code
        String rest = next.getLiteral().substring(m.end());
        if (rest.isEmpty()) {
            next.unlink();
        } else {
            next.setLiteral(rest);
        }
        if (action != null) {
            code.insertAfter(new ActionCode(literal, action));
            code.unlink();
        }
    }

    /** In commands the preview URL means the sandbox's own port. */
    private static String localPorts(String literal, String prefix) {
        return literal.replaceAll(Pattern.quote(prefix) + "(\\d+)", "http://localhost:$1");
    }

    /** Bare preview URLs in text become preview links. */
    private static void linkify(Text text, String prefix) {
        for (Node p = text.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link) {
                return;
            }
        }
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\d+(/[^\\s<>\")\\]]*[^\\s<>\")\\].,;:!?])?/?")
                .matcher(text.getLiteral());
        String s = text.getLiteral();
        int last = 0;
        Node cursor = text;
        boolean found = false;
        while (m.find()) {
            found = true;
            if (m.start() > last) {
                cursor = insert(cursor, new Text(s.substring(last, m.start())));
            }
            Link link = new Link(m.group(), null);
            link.appendChild(new Text(m.group()));
            cursor = insert(cursor, link);
            last = m.end();
        }
        if (found) {
            if (last < s.length()) {
                insert(cursor, new Text(s.substring(last)));
            }
            text.unlink();
        }
    }

    private static Node insert(Node after, Node node) {
        after.insertAfter(node);
        return node;
    }

    private static final class Collector extends AbstractVisitor {
        final List<Code> codes = new ArrayList<>();
        final List<Text> texts = new ArrayList<>();
        final List<FencedCodeBlock> fences = new ArrayList<>();
        final List<HtmlBlock> htmlBlocks = new ArrayList<>();

        @Override
        public void visit(Code code) {
            codes.add(code);
        }

        @Override
        public void visit(Text text) {
            texts.add(text);
        }

        @Override
        public void visit(FencedCodeBlock f) {
            fences.add(f);
        }

        @Override
        public void visit(HtmlBlock h) {
            htmlBlocks.add(h);
        }
    }
}
