package io.isolab.player;

import io.isolab.catalog.Condition;
import java.util.List;
import java.util.Map;

/**
 * One answer input on a step page. Free text without options; radio buttons for {@code match:
 * single}; check boxes for {@code match: multiple}, whose chosen options are sent joined by newlines.
 */
public record AnswerField(int index, String prompt, List<String> options, boolean multiple) {

    static AnswerField of(int index, Condition condition) {
        Map<String, Object> params = condition.params() == null ? Map.of() : condition.params();
        Object prompt = params.get("prompt");
        List<String> options = params.get("options") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new AnswerField(index, prompt == null ? "Your answer" : prompt.toString(), options,
                "multiple".equals(params.get("match")));
    }

    public boolean choice() {
        return !options.isEmpty();
    }
}
