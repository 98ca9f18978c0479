package io.isolab.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source-level rewrites CommonMark cannot do itself: Katacoda/Killercoda annotations on a closing
 * fence (```{{exec}}) would otherwise not close the block, and port URL placeholders become links
 * to the player's port preview.
 */
final class ScenarioSyntax {

    private static final Pattern OPEN = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*(\\{\\{[^{}]*}})?\\s*$");
    private static final String PATH = "(/[^\\s)\\]\"'<>`]*)?";
    private static final Pattern KATACODA_URL = Pattern.compile(
            "https?://\\[\\[HOST_SUBDOMAIN]]-(\\d+)-\\[\\[KATACODA_HOST]]\\.environments\\.katacoda\\.com" + PATH);
    private static final Pattern TRAFFIC = Pattern.compile("\\{\\{TRAFFIC_HOST\\d+_(\\d+)}}" + PATH);

    private ScenarioSyntax() {
    }

    /** Moves a closing fence's {{annotation}} onto the opening fence's info string. */
    static String moveFenceAnnotations(String markdown) {
        String[] lines = markdown.split("\n", -1);
        int open = -1;
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            if (open < 0) {
                Matcher m = OPEN.matcher(lines[i]);
                if (m.matches() && !(m.group(2).startsWith("`") && m.group(3).contains("`"))) {
                    open = i;
                    fence = m.group(2);
                }
                continue;
            }
            Matcher m = CLOSE.matcher(lines[i]);
            if (m.matches() && m.group(1).charAt(0) == fence.charAt(0) && m.group(1).length() >= fence.length()) {
                if (m.group(2) != null) {
                    lines[open] = lines[open] + " " + m.group(2);
                    lines[i] = lines[i].substring(0, lines[i].indexOf(m.group(1)) + m.group(1).length());
                }
                open = -1;
            }
        }
        return String.join("\n", lines);
    }

    /** Katacoda port URLs and Killercoda {{TRAFFIC_HOSTn_PORT}} become /labs/<id>/preview/<port>/path. */
    static String previewLinks(String markdown, String labId) {
        String out = replacePorts(KATACODA_URL, markdown, labId);
        return replacePorts(TRAFFIC, out, labId);
    }

    static String previewPrefix(String labId) {
        return "/labs/" + labId + "/preview/";
    }

    private static String replacePorts(Pattern pattern, String text, String labId) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(2) == null ? "/" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(previewPrefix(labId) + m.group(1) + path));
        }
        m.appendTail(out);
        return out.toString();
    }
}
