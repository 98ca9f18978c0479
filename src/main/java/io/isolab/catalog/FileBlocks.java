package io.isolab.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;

/**
 * Katacoda's editor blocks ({@code <pre class="file" data-filename=.. data-target=..>}), found on
 * parsed HTML blocks so that fenced examples of the syntax stay literal.
 */
final class FileBlocks {

    private static final Pattern PRE_FILE = Pattern.compile(
            "(?s)^\\s*<pre\\s+class=\"file\"([^>]*)>\\n?(.*?)</pre>\\s*$");
    private static final Pattern ATTR = Pattern.compile("data-(filename|target|marker)=\"([^\"]*)\"");

    private FileBlocks() {
    }

    static void replace(HtmlBlock block) {
        Matcher m = PRE_FILE.matcher(block.getLiteral());
        if (!m.matches()) {
            return;
        }
        Map<String, String> attrs = new HashMap<>();
        Matcher a = ATTR.matcher(m.group(1));
        while (a.find()) {
            attrs.put(a.group(1), unescape(a.group(2)));
        }
        String target = attrs.getOrDefault("target", "replace");
        block.insertAfter(new WriteBlock(attrs.getOrDefault("filename", ""), target, attrs.get("marker"),
                unescape(m.group(2))));
        block.unlink();
    }

    /** The block's body is raw HTML: the file gets the text it shows. */
    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
