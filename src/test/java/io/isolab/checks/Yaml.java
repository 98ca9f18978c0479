package io.isolab.checks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isolab.catalog.Condition;
import java.util.Map;

/** Conditions written as in a lab file: "process: {command: sleep 1000}". */
final class Yaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static Condition condition(String yaml) {
        return condition(yaml, "labs/demo/01-start.md:7");
    }

    @SuppressWarnings("unchecked")
    static Condition condition(String yaml, String location) {
        try {
            Map<String, Object> item = YAML.readValue(yaml, new TypeReference<>() { });
            String hint = (String) item.remove("hint");
            Map.Entry<String, Object> kind = item.entrySet().iterator().next();
            return new Condition(kind.getKey(), (Map<String, Object>) kind.getValue(), hint, location);
        } catch (Exception e) {
            throw new IllegalArgumentException(yaml, e);
        }
    }
}
