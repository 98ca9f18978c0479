package io.isolab.labtest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a learner would run by clicking a step's Run buttons, read from the rendered step
 * HTML (docs/lab-format.md, "Rendered step HTML"). Imported Katacoda/Killercoda scenarios often
 * carry no solution; their {@code {{exec}}} snippets are the way the scenario expects to be solved.
 */
final class RunBlocks {
    /** A code block or snippet marked data-action="run", with its inner HTML. */
    private static final Pattern RUN = Pattern.compile(
            "<(div|code)\\b([^>]*\\bdata-action=\"run\"[^>]*)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TERMINAL = Pattern.compile("\\bdata-terminal=\"([^\"]*)\"");
    private static final Pattern INNER_CODE = Pattern.compile("<code\\b[^>]*>(.*?)</code>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos|nbsp);");

    /** One Run button: the command text and the terminal it types into ("1", "2", ...). */
    record Block(String terminal, String command) {
    }

    private RunBlocks() {
    }

    static List<Block> from(String html) {
        List<Block> blocks = new ArrayList<>();
        if (html == null) return blocks;
        Matcher m = RUN.matcher(html);
        while (m.find()) {
            Matcher t = TERMINAL.matcher(m.group(2));
            String terminal = t.find() ? t.group(1) : "1";
            String inner = m.group(3);
            if (m.group(1).equals("div")) {
                Matcher code = INNER_CODE.matcher(inner);
                inner = code.find() ? code.group(1) : inner;
            }
            blocks.add(new Block(terminal, unescape(TAG.matcher(inner).replaceAll(""))));
        }
        return blocks;
    }

    /** All terminal-1 commands as one script, the way {@link Terminal#type} takes it. */
    static String terminalOneScript(List<Block> blocks) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (block.terminal().equals("1")) b.append(block.command().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    static String unescape(String text) {
        return ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1))));
    }

    private static String entity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> name.startsWith("#x")
                    ? Character.toString(Integer.parseInt(name.substring(2), 16))
                    : Character.toString(Integer.parseInt(name.substring(1)));
        };
    }
}
