package io.isolab.selfhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The images docker-compose.yml builds fit the projects and the compose file (no Docker here). */
class DockerfilesTest {

    /** artifactId-version.jar of a pom, skipping the parent's coordinates. */
    static String jarName(Path pom) throws IOException {
        String xml = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher a = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml);
        Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(xml);
        assertThat(a.find() && v.find()).as(pom + " coordinates").isTrue();
        return a.group(1) + "-" + v.group(1) + ".jar";
    }

    @Test
    void imagesCopyTheJarsMavenBuilds() throws IOException {
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("/src/target/" + jarName(Path.of("pom.xml")));
        assertThat(Files.readString(Path.of("sandbox-agent/Dockerfile")))
                .contains("/src/target/" + jarName(Path.of("sandbox-agent/pom.xml")));
    }

    @Test
    void webImageMatchesItsService() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Map<String, Object> web = ComposeFile.load(ComposeFileTest.COMPOSE).service("web");
        assertThat(dockerfile).contains("WORKDIR " + web.get("working_dir"));
        assertThat(dockerfile).contains("chown isolab " + web.get("working_dir"));
        String labs = ComposeFile.environment(web).get("ISOLAB_LABS_DIR");
        assertThat(ComposeFile.list(web.get("volumes"))).contains("./labs:" + labs + ":ro");
        assertThat(dockerfile).contains("USER isolab");
    }

    @Test
    void agentImagePassesComposeArgumentsAndHasItsTools() throws IOException {
        String dockerfile = Files.readString(Path.of("sandbox-agent/Dockerfile"));
        assertThat(dockerfile).contains("exec java -jar /opt/isolab/sandbox-agent.jar \\\"$@\\\"");
        assertThat(dockerfile).contains("mknod -m 660 /dev/loop$i b 7 $i");
        // docker exec (terminals, probes), mkfs.ext4 / mount (disks), curl (health check)
        assertThat(dockerfile).contains("docker.io", "e2fsprogs", "util-linux", "curl");
    }
}
