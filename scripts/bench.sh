#!/bin/bash
# Benchmarks: ./isolab bench [start|memory|echo|throughput|all] (default all).
# Builds what it needs, starts its own agent(s) and web app on BENCH_AGENT_PORT / BENCH_WEB_PORT,
# prints tables with ratios against baselines measured in the same run, stops everything it started.
# Numbers are printed, never asserted. Knobs (env): BENCH_BASE_RUNS, BENCH_COLD_RUNS, BENCH_WARM_RUNS (8),
# BENCH_SANDBOXES (4), BENCH_KEYSTROKES (200), BENCH_THROUGHPUT_MIB (50), BENCH_AGENT_PORT (7141),
# BENCH_WEB_PORT (8241), BENCH_WORK (/tmp/isobench), BENCH_IMAGE (isolab/lab-node:latest), BENCH_OFFLINE=1 (mvn -o).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$ROOT"

which=("$@")
[ ${#which[@]} -eq 0 ] && which=(all)
for w in "${which[@]}"; do
  case "$w" in start|memory|echo|throughput|all) ;; *)
    echo "usage: ./isolab bench [start|memory|echo|throughput|all]..." >&2; exit 2 ;;
  esac
done
needs_web=0
for w in "${which[@]}"; do case "$w" in echo|throughput|all) needs_web=1 ;; esac; done

WORK=${BENCH_WORK:-/tmp/isobench}
IMAGE=${BENCH_IMAGE:-isolab/lab-node:latest}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

[ "$(id -u)" = 0 ] || { echo "bench: must run as root (the agent is privileged)" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "bench: no Docker engine answers; start dockerd (./isolab run sets it up)" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "bench: image $IMAGE is missing; build it with ./isolab images" >&2; exit 1; }

# Everything this script started: pids the runner wrote, containers labelled with our agent names
# (isobench-*) or isobench=baseline, loop mounts and state under $WORK. Nothing else is touched.
cleanup() {
  for f in "$WORK"/pids/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); kill "$pid" 2>/dev/null && for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true; rm -f "$f"
  done
  ids=$( { docker ps -aq --filter label=isobench=baseline
           docker ps -a --format '{{.ID}} {{.Label "io.isolab.agent"}}' | awk '$2 ~ /^isobench-/ {print $1}'; } | sort -u)
  [ -n "$ids" ] && docker rm -f -v $ids >/dev/null 2>&1 || true
  awk -v p="$WORK/" 'index($5, p) == 1 {print length($5), $5}' /proc/self/mountinfo | sort -rn | cut -d' ' -f2- |
    while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$WORK"/state-* 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK"
cleanup

mvn_opts=(-q -B package -DskipTests)
[ "${BENCH_OFFLINE:-}" = 1 ] && mvn_opts+=(-o)
build() {   # dir, what
  echo "==> building $2"
  if ! (cd "$ROOT/$1" && mvn "${mvn_opts[@]}" >"$WORK/build-${2// /-}.log" 2>&1); then
    tail -30 "$WORK/build-${2// /-}.log" >&2; echo "bench: building $2 failed (log: $WORK/build-${2// /-}.log)" >&2; exit 1
  fi
}
build sandbox-agent "sandbox agent"
if [ $needs_web = 1 ]; then build . "web app"; fi
build bench "benchmarks"

agent_jar=$(ls sandbox-agent/target/sandbox-agent-*.jar | grep -v original | head -1)
web_jar=$(ls target/isolab-*.jar 2>/dev/null | grep -v original | head -1 || true)
echo "==> running on $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -r), docker $(docker version -f '{{.Server.Version}}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:bench/target/lib/*" \
  -Dbench.repo="$ROOT" -Dbench.work="$WORK" -Dbench.agent-jar="$agent_jar" -Dbench.web-jar="$web_jar" \
  -Dbench.java="$JAVA_HOME/bin/java" -Dbench.image="$IMAGE" \
  -Dbench.agent-port="${BENCH_AGENT_PORT:-7141}" -Dbench.web-port="${BENCH_WEB_PORT:-8241}" \
  -Dbench.base-runs="${BENCH_BASE_RUNS:-8}" -Dbench.cold-runs="${BENCH_COLD_RUNS:-8}" -Dbench.warm-runs="${BENCH_WARM_RUNS:-8}" \
  -Dbench.sandboxes="${BENCH_SANDBOXES:-4}" -Dbench.keystrokes="${BENCH_KEYSTROKES:-200}" \
  -Dbench.throughput-mib="${BENCH_THROUGHPUT_MIB:-50}" \
  io.isolab.bench.Bench "${which[@]}"
