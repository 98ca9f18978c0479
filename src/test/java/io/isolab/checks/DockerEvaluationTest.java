package io.isolab.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolab.sandbox.ExecResult;
import org.junit.jupiter.api.Test;

/** Reasons of container, image, network, volume, file, http and script conditions on {@link Fixtures}. */
class DockerEvaluationTest {
    private final FakeSandbox sandbox = Fixtures.sandbox();
    private final ConditionParser parser = new ConditionParser();

    private Outcome eval(String yaml) {
        return ConditionEvaluator.evaluate(parser.parse(Yaml.condition(yaml)), sandbox.view(), null);
    }

    @Test
    void container() {
        assertThat(eval("""
                container: {name: db, running: true, image: docker.io/library/redis:latest, port: 6379, publishedPort: 6380,
                            env: [REDIS_VERSION=7.0, PATH], link: "redis-server:redis", mount: /data, volumeFrom: data,
                            network: mynet, cmd: redis-server, entrypoint: [docker-entrypoint.sh]}
                """).passed()).isTrue();
        assertThat(eval("container: {name: web}").reason()).isEqualTo("there is no container `web` (docker ps -a shows none)");
        assertThat(eval("container: {name: old, running: true}").reason()).isEqualTo("container `old` is not running (exited, exit code 137)");
        assertThat(eval("container: {name: db, running: false}").reason()).isEqualTo("container `db` is still running (expected it stopped)");
        assertThat(eval("container: {name: db, image: nginx}").reason()).isEqualTo("container `db` runs image `redis` (expected `nginx`)");
        assertThat(eval("container: {name: db, port: 80/tcp}").reason()).isEqualTo("container `db` has no port 80/tcp");
        assertThat(eval("container: {name: db, publishedPort: 8080}").reason())
                .isEqualTo("container `db` does not publish port 8080 (docker run -p 8080:...)");
        assertThat(eval("container: {name: db, env: REDIS_VERSION=6}").reason())
                .isEqualTo("container `db` has `REDIS_VERSION=7.0` (expected `REDIS_VERSION=6`)");
        assertThat(eval("container: {name: db, env: PASSWORD}").reason()).isEqualTo("container `db` has no environment variable `PASSWORD`");
        assertThat(eval("container: {name: db, link: \"redis-server:cache\"}").reason())
                .isEqualTo("container `db` is not linked to `redis-server` as `cache`");
        assertThat(eval("container: {name: db, mount: /var/lib/redis}").reason()).isEqualTo("container `db` has nothing mounted at /var/lib/redis");
        assertThat(eval("container: {name: db, volumeFrom: other}").reason())
                .isEqualTo("container `db` does not take volumes from `other` (--volumes-from)");
        assertThat(eval("container: {name: db, network: bridge}").reason()).isEqualTo("container `db` is not attached to network `bridge`");
        assertThat(eval("container: {name: old, cmd: sleep 2000}").reason())
                .isEqualTo("container `old` has command `sleep 1000` (expected `sleep 2000`)");
        assertThat(eval("container: {name: old, entrypoint: /init}").reason())
                .isEqualTo("container `old` has no entrypoint (expected `/init`)");
    }

    @Test
    void containerCount() {
        sandbox.script("^docker ps --no-trunc", 0, "nginx\nnginx:latest\nredis\n", "");
        assertThat(eval("container: {count: {image: nginx, min: 2}}").passed()).isTrue();
        assertThat(eval("container: {count: {image: nginx, min: 3}}").reason())
                .isEqualTo("2 containers of image `nginx` are running (expected at least 3)");
        assertThat(eval("container: {count: {max: 2}}").reason()).isEqualTo("3 containers are running (expected at most 2)");
    }

    @Test
    void image() {
        assertThat(eval("image: {name: static-site, cmd: \"nginx -g 'daemon off;'\", workdir: /usr/share/nginx/html/, env: PATH}").passed()).isTrue();
        assertThat(eval("image: {name: static-site, exposes: 80}").reason()).isEqualTo("image `static-site` has no EXPOSE 80/tcp");
        assertThat(eval("image: {name: static-site, layersAtLeast: 3}").reason()).isEqualTo("image `static-site` has 2 layers (expected at least 3)");
        assertThat(eval("image: {name: static-site, onbuild: true}").reason()).isEqualTo("image `static-site` has no ONBUILD instruction");
        assertThat(eval("image: {name: static-site, workdir: /app}").reason())
                .isEqualTo("image `static-site` has WORKDIR /usr/share/nginx/html (expected /app)");
        assertThat(eval("image: {name: static-site, entrypoint: /start.sh}").reason())
                .isEqualTo("image `static-site` has no ENTRYPOINT (expected `/start.sh`)");
        assertThat(eval("image: {name: site}").reason()).isEqualTo("there is no image `site` (docker images shows none)");
    }

    @Test
    void imageAbsentFile() {
        sandbox.script("docker cp \"\\$c\":'/app/.git'", 0, "", "");
        sandbox.script("docker cp \"\\$c\":'/app/node_modules'", 1, "", "");
        assertThat(eval("image: {name: static-site, absentFile: /app/node_modules}").passed()).isTrue();
        assertThat(eval("image: {name: static-site, absentFile: /app/.git}").reason())
                .isEqualTo("image `static-site` contains /app/.git (expected it left out, e.g. by .dockerignore)");
    }

    @Test
    void networkAndVolume() {
        assertThat(eval("network: {name: mynet, driver: bridge, contains: db}").passed()).isTrue();
        assertThat(eval("network: {name: mynet, contains: web}").reason()).isEqualTo("network `mynet` does not connect a running container `web`");
        assertThat(eval("network: {name: mynet, driver: overlay}").reason()).isEqualTo("network `mynet` uses driver bridge (expected overlay)");
        assertThat(eval("network: {name: other}").reason()).isEqualTo("there is no network `other` (docker network ls shows none)");
        assertThat(eval("volume: {name: dbdata}").passed()).isTrue();
        assertThat(eval("volume: {name: data}").reason()).isEqualTo("there is no volume `data` (docker volume ls shows none)");
    }

    @Test
    void file() {
        sandbox.script("\\[ -e '/data/hello.txt' \\]", 0, "present\nbye\n", "");
        sandbox.script("\\[ -e '/data/none' \\]", 0, "absent\n", "");
        sandbox.script("docker container inspect 'web'", 0, "no-container\n", "");
        sandbox.script("docker cp -L 'db:/data/dump.rdb'", 0, "present\nREDIS0009\n", "");
        assertThat(eval("file: {path: /data/hello.txt, contains: hello}").reason()).isEqualTo("file /data/hello.txt does not contain `hello`");
        assertThat(eval("file: {path: /data/hello.txt, matches: '^by'}").passed()).isTrue();
        assertThat(eval("file: {path: /data/hello.txt, matches: '^hel+o'}").reason()).isEqualTo("file /data/hello.txt does not match `^hel+o`");
        assertThat(eval("file: {path: /data/none}").reason()).isEqualTo("file /data/none does not exist");
        assertThat(eval("file: {path: /data/hello.txt, exists: false}").reason()).isEqualTo("file /data/hello.txt exists (expected it gone)");
        assertThat(eval("file: {path: /data/none, exists: false}").passed()).isTrue();
        assertThat(eval("file: {path: /data/dump.rdb, container: db, contains: REDIS}").passed()).isTrue();
        assertThat(eval("file: {path: /x, container: web}").reason()).isEqualTo("there is no container `web`");
    }

    @Test
    void http() {
        sandbox.script("'http://localhost:8080/'", 0, "404 0\nnot found", "");
        sandbox.script("'http://localhost:9090/'", 0, "000 7\n", "");
        sandbox.script("'http://172.18.0.2:6379/health'", 0, "200 0\nOK all good", "");
        assertThat(eval("http: {port: 8080}").reason()).isEqualTo("GET localhost:8080/ answered 404 (expected 200)");
        assertThat(eval("http: {port: 8080, status: 404, contains: found}").passed()).isTrue();
        assertThat(eval("http: {port: 8080, status: 404, contains: hello}").reason())
                .isEqualTo("GET localhost:8080/ answered 404 but without `hello`");
        assertThat(eval("http: {port: 9090}").reason()).isEqualTo("nothing answers on localhost:9090 (connection refused)");
        assertThat(eval("http: {port: 6379, host: db, path: /health, contains: OK}").passed()).isTrue();
        assertThat(eval("http: {port: 80, host: old}").reason()).isEqualTo("container `old` is not running");
    }

    @Test
    void script() {
        sandbox.script("bash -c 'test -f /etc/panda';", 1, "", "");
        sandbox.script("bash -c 'cat /etc/big';", 2, "x".repeat(5000), "cat: done\n");
        sandbox.script("bash -c 'sleep 100';", new ExecResult(-1, "", "", true));
        sandbox.script("bash -c 'true';", 0, "", "");
        assertThat(eval("script: {run: 'true'}").passed()).isTrue();
        Outcome missing = eval("script: {run: test -f /etc/panda}");
        assertThat(missing.reason()).isEqualTo("the check exited with code 1");
        assertThat(missing.output()).isNull();
        Outcome big = eval("script: {run: cat /etc/big}");
        assertThat(big.output()).hasSize(ScriptRules.MAX_OUTPUT + 1).startsWith("…").endsWith("xcat: done");
        assertThat(eval("script: {run: sleep 100, timeout: 3}").reason()).isEqualTo("the check did not finish within 3 s");
    }

    @Test
    void dockerEngineDown() {
        FakeSandbox broken = new FakeSandbox();
        broken.script("^docker container inspect", 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock."
                + " Is the docker daemon running?\n");
        assertThatThrownBy(() -> ConditionEvaluator.evaluate(parser.parse(Yaml.condition("container: {name: db}")), broken.view(), null))
                .isInstanceOf(CheckException.class)
                .hasMessage("the Docker engine in your sandbox does not answer (is dockerd running?)");
    }
}
