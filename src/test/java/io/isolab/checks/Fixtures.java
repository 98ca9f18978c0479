package io.isolab.checks;

/**
 * Hand-written agent and Docker answers of one sandbox: its init, dockerd, `sleep 1000` in the
 * sandbox's namespaces, `sleep 2000` after unshare --pid --fork, and container db (redis, 100 MiB).
 */
final class Fixtures {
    private Fixtures() {
    }

    static final String SANDBOX_NS = """
            {"pid": 4026532301, "net": 4026532304, "mnt": 4026532299, "uts": 4026532300, "ipc": 4026532298,
             "user": 4026531837, "cgroup": 4026532297}""";
    static final String DB_NS = """
            {"pid": 4026532401, "net": 4026532404, "mnt": 4026532399, "uts": 4026532400, "ipc": 4026532398,
             "user": 4026531837, "cgroup": 4026532397}""";

    static final String PROCESSES = """
            [{"pid": 3000, "ppid": 2990, "comm": "init", "cmdline": "/usr/local/bin/isolab-init", "ns": %1$s,
              "cgroups": ["0::/"], "seccomp": 0, "capEff": "000001fffeffffff", "nsPid": 1, "sandboxPid": 1, "container": null,
              "containerName": null, "sandboxInit": true},
             {"pid": 3010, "ppid": 3000, "comm": "dockerd", "cmdline": "dockerd --host unix:///var/run/docker.sock",
              "ns": %1$s, "cgroups": ["0::/"], "seccomp": 0, "capEff": "000001fffeffffff", "nsPid": 20, "sandboxPid": 20,
              "container": null, "containerName": null, "sandboxInit": false},
             {"pid": 3100, "ppid": 3050, "comm": "sleep", "cmdline": "sleep 1000", "ns": %1$s, "cgroups": ["0::/"],
              "seccomp": 0, "capEff": "000001fffeffffff", "nsPid": 57, "sandboxPid": 57, "container": null, "containerName": null,
              "sandboxInit": false},
             {"pid": 3200, "ppid": 3190, "comm": "redis-server", "cmdline": "redis-server *:6379", "ns": %2$s,
              "cgroups": ["12:memory:/docker/ab12cd34ef56"], "seccomp": 2, "capEff": "00000000a80425fb", "nsPid": 1, "sandboxPid": 80,
              "container": "ab12cd34ef5678", "containerName": "db", "sandboxInit": false},
             {"pid": 3300, "ppid": 3290, "comm": "sleep", "cmdline": "sleep 2000",
              "ns": {"pid": 4026532501, "net": 4026532304}, "cgroups": ["0::/"], "seccomp": 0,
              "capEff": "000001fffeffffff", "nsPid": 1, "sandboxPid": 95, "container": null, "containerName": null, "sandboxInit": false}]
            """.formatted(SANDBOX_NS, DB_NS);

    static final String DB = """
            {"Id": "ab12cd34ef5678", "Name": "/db",
             "State": {"Status": "running", "Running": true, "ExitCode": 0},
             "Image": "sha256:1234",
             "HostConfig": {"Links": ["/redis-server:/db/redis"], "VolumesFrom": ["data:ro"],
                            "PortBindings": {"6379/tcp": [{"HostIp": "", "HostPort": "6380"}]}, "Memory": 104857600},
             "Mounts": [{"Type": "volume", "Name": "dbdata", "Source": "/var/lib/docker/volumes/dbdata/_data",
                         "Destination": "/data", "RW": true}],
             "Config": {"Image": "redis", "Env": ["PATH=/usr/local/bin:/usr/bin", "REDIS_VERSION=7.0"],
                        "Cmd": ["redis-server"], "Entrypoint": ["docker-entrypoint.sh"],
                        "ExposedPorts": {"6379/tcp": {}}},
             "NetworkSettings": {"IPAddress": "", "Ports": {"6379/tcp": [{"HostIp": "0.0.0.0", "HostPort": "6380"}]},
                                 "Networks": {"mynet": {"IPAddress": "172.18.0.2"}}}}
            """;

    static final String STOPPED = """
            {"Id": "cd34", "Name": "/old", "State": {"Status": "exited", "Running": false, "ExitCode": 137},
             "Config": {"Image": "busybox", "Cmd": ["sleep", "1000"]}, "HostConfig": {}, "Mounts": [],
             "NetworkSettings": {"IPAddress": "", "Networks": {}}}
            """;

    static final String STATIC_SITE = """
            {"Id": "sha256:99aa", "RepoTags": ["static-site:latest"],
             "Config": {"Env": ["PATH=/usr/bin"], "Cmd": ["/bin/sh", "-c", "nginx -g 'daemon off;'"], "Entrypoint": null,
                        "WorkingDir": "/usr/share/nginx/html", "OnBuild": null},
             "RootFS": {"Type": "layers", "Layers": ["sha256:a", "sha256:b"]}}
            """;

    static FakeSandbox sandbox() {
        FakeSandbox s = new FakeSandbox();
        s.processes = PROCESSES;
        s.inspect.put("container db", DB);
        s.inspect.put("container old", STOPPED);
        s.inspect.put("image static-site", STATIC_SITE);
        s.inspect.put("network mynet", """
                {"Name": "mynet", "Driver": "bridge", "Containers": {"ab12": {"Name": "db", "IPv4Address": "172.18.0.2/16"}}}""");
        s.inspect.put("volume dbdata", """
                {"Name": "dbdata", "Driver": "local", "Mountpoint": "/var/lib/docker/volumes/dbdata/_data"}""");
        return s;
    }
}
