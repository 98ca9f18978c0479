package io.isolab.labtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.checks.StepChecker;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The agent client and the real step checker, without the web app: a tiny Spring context scanning
 * only the checks package, so the checks keep whatever collaborators their engineer gives them.
 * The sandbox package is not scanned: it also holds the web app's session bookkeeping, which needs
 * the web app's configuration. The ObjectMapper is built like Spring Boot's (java.time, unknown
 * fields ignored).
 */
public final class LabTestKit implements AutoCloseable {
    private final AnnotationConfigApplicationContext context;
    private final AgentClient agent;
    private final StepChecker checker;

    private LabTestKit(AgentProperties properties) {
        context = new AnnotationConfigApplicationContext();
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
        context.registerBean(AgentProperties.class, () -> properties);
        context.registerBean(ObjectMapper.class, () -> json);
        context.registerBean(AgentClient.class, () -> new AgentClient(properties, json));
        context.scan("io.isolab.checks");
        try {
            context.refresh();
            agent = context.getBean(AgentClient.class);
            checker = context.getBean(StepChecker.class);
        } catch (BeansException e) {
            context.close();
            throw new IllegalStateException("cannot assemble the step checker outside the web app: " + e.getMessage(), e);
        }
    }

    /**
     * From ISOLAB_AGENT_URL and ISOLAB_AGENT_TOKEN.
     *
     * @throws IllegalStateException naming the missing variable
     */
    public static LabTestKit fromEnvironment(Map<String, String> env) {
        String url = env.get("ISOLAB_AGENT_URL");
        String token = env.get("ISOLAB_AGENT_TOKEN");
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            throw new IllegalStateException("lab tests need a sandbox agent: set ISOLAB_AGENT_URL (e.g. http://127.0.0.1:7131) "
                    + "and ISOLAB_AGENT_TOKEN, or run ./isolab test-labs, which starts one");
        }
        return new LabTestKit(new AgentProperties(URI.create(url.strip()), token.strip(), Duration.ofSeconds(30),
                Duration.ofSeconds(180)));
    }

    public AgentClient agent() {
        return agent;
    }

    public StepChecker checker() {
        return checker;
    }

    @Override
    public void close() {
        context.close();
    }
}
