package io.isolab.bench.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.isolab.bench.BenchConfig;
import io.isolab.bench.agent.Agent;
import io.isolab.bench.host.Deadline;
import io.isolab.bench.host.ServerProcess;

/**
 * The web app, started from its jar against a benchmark agent, with bench/labs as its catalog (one
 * lab, {@link #LAB}) and an in-memory database, so a run leaves no state behind.
 */
public final class WebApp implements AutoCloseable {

    public static final String LAB = "bench-terminal";

    private final ServerProcess process;
    private final String base;

    private WebApp(ServerProcess process, String base) {
        this.process = process;
        this.base = base;
    }

    public static WebApp start(BenchConfig cfg, Agent agent) {
        if (!Files.isRegularFile(cfg.webJar())) {
            throw new IllegalStateException("no web app jar at " + cfg.webJar() + " (mvn package in the repository root)");
        }
        ServerProcess p = ServerProcess.start("isobench-web", cfg.work(), List.of(cfg.java(),
                "--sun-misc-unsafe-memory-access=allow", "-jar", cfg.webJar().toString(),
                "--server.port=" + cfg.webPort(),
                "--server.address=127.0.0.1",
                "--isolab.agent.url=http://127.0.0.1:" + agent.client().port(),
                "--isolab.agent.token=" + agent.client().token(),
                "--isolab.labs.dir=" + cfg.repo().resolve("bench/labs"),
                "--spring.datasource.url=jdbc:h2:mem:isobench;DB_CLOSE_DELAY=-1"), cfg.work());
        WebApp web = new WebApp(p, "http://127.0.0.1:" + cfg.webPort());
        try {
            HttpClient http = HttpClient.newHttpClient();
            Deadline.await("the web app on port " + cfg.webPort() + " to serve " + web.labPage(), Duration.ofSeconds(120), () -> {
                p.checkAlive();
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(web.labPage())).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
        return web;
    }

    public String base() {
        return base;
    }

    public String labPage() {
        return base + "/labs/" + LAB + "/steps/1";
    }

    @Override
    public void close() {
        process.close();
    }
}
