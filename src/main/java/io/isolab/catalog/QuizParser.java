package io.isolab.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Katacoda quizzes in step Markdown: a {@code >>Q1: question<<} line directly followed by answer
 * lines ({@code === exact}, {@code =~= contains}, {@code [*] right}/{@code [ ] wrong},
 * {@code (*) right}/{@code ( ) wrong}). Each becomes an {@code answer} condition with a fixed
 * expected value, and its lines leave the text (the player shows the prompt with an input).
 */
final class QuizParser {

    private static final Pattern QUESTION = Pattern.compile("^\\s*>>\\s*(?:Q\\d+\\s*:\\s*)?(.*?)\\s*<<\\s*$");
    private static final Pattern EXACT = Pattern.compile("^\\s*===\\s*(.*?)\\s*$");
    private static final Pattern CONTAINS = Pattern.compile("^\\s*=~=\\s*(.*?)\\s*$");
    private static final Pattern MULTI = Pattern.compile("^\\s*\\[([ *xX])]\\s*(.*?)\\s*$");
    private static final Pattern SINGLE = Pattern.compile("^\\s*\\(([ *xX])\\)\\s*(.*?)\\s*$");

    /** @param markdown  the text without quiz lines */
    record Result(String markdown, List<Condition> conditions, List<String> answers) {
    }

    static Result parse(String text, String file) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<Condition> conditions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher q = QUESTION.matcher(lines[i]);
            if (!q.matches()) {
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                continue;
            }
            int start = i;
            String match = null;
            List<String> options = new ArrayList<>();
            List<String> right = new ArrayList<>();
            while (i + 1 < lines.length) {
                String next = lines[i + 1];
                Matcher m;
                if ((m = EXACT.matcher(next)).matches() || (m = CONTAINS.matcher(next)).matches()) {
                    match = next.trim().startsWith("===") ? "exact" : "contains";
                    right.add(m.group(1));
                } else if ((m = MULTI.matcher(next)).matches() || (m = SINGLE.matcher(next)).matches()) {
                    match = next.trim().startsWith("[") ? "multiple" : "single";
                    options.add(m.group(2));
                    if (!m.group(1).isBlank()) {
                        right.add(m.group(2));
                    }
                } else {
                    break;
                }
                i++;
            }
            if (match == null) { // a ">>text<<" line without answers is just text
                out.append(lines[start]).append("\n");
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("prompt", q.group(1));
            params.put("options", List.copyOf(options));
            params.put("expected", match.equals("multiple") ? List.copyOf(right) : right.isEmpty() ? "" : right.get(0));
            params.put("match", match);
            conditions.add(new Condition("answer", params, null, file + ":" + (start + 1)));
            answers.add("echo " + shellQuote(String.join(", ", right)));
            out.append("\n");
        }
        return new Result(out.toString(), conditions, answers);
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
