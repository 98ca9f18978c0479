package io.isolab.player;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Writes page configuration as JSON into a {@code <script type="application/json">} block; "<" is
 * escaped so text like {@code </script>} in a step's foreground cannot end the block.
 */
@Component("jsonView")
public class JsonView {
    private final ObjectMapper json;

    public JsonView(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) throws JsonProcessingException {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
