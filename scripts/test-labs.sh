#!/bin/bash
# ./isolab test-labs [lab ...]: every lab (or the given ones) solved by its own solutions in a real
# sandbox; each step's checks must FAIL before its solution and PASS after. Exit 1 names what broke.
# Uses the agent at ISOLAB_AGENT_URL/ISOLAB_AGENT_TOKEN when set; otherwise starts a throwaway
# agent on 127.0.0.1:${ISOLAB_LABTEST_PORT:-7131} and stops it on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.state"
AGENT_JAR="$ROOT/sandbox-agent/target/sandbox-agent-0.1.0-SNAPSHOT.jar"
AGENT_PID_FILE="$STATE/labtest-agent.pid"
AGENT_LOG="$STATE/logs/labtest-agent.log"
mkdir -p "$STATE/logs"

say()  { printf '==> %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

setup_java() {
  local j
  for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -n "$j" ] && [ -x "$j/bin/java" ] && { export JAVA_HOME="$j"; break; }
  done
  [ -x "${JAVA_HOME:-}/bin/java" ] || fail "no JDK 21+ found (set JAVA_HOME)"
  export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
  "$JAVA_HOME/bin/java" $MAVEN_OPTS -version >/dev/null 2>&1 || export MAVEN_OPTS=""
}

# mvn offline first (fast, no network), online when a dependency is not downloaded yet.
mvn_quiet() { mvn -q -B -o "$@" >/dev/null 2>&1 || mvn -q -B "$@"; }

# Compiles the web app when a source or the pom changed since the last build; classpath cached per pom.
build_web() {
  local stamp="$ROOT/target/classes/.labtest-built"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
    say "Compiling the web app (lab tester, catalog, checks)"
    (cd "$ROOT" && mvn_quiet compile) || fail "mvn compile failed"
    touch "$stamp"
  fi
  local cp="$ROOT/target/labtest.classpath"
  if [ ! -s "$cp" ] || [ "$ROOT/pom.xml" -nt "$cp" ]; then
    (cd "$ROOT" && mvn_quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime) \
      || fail "mvn dependency:build-classpath failed"
  fi
  CLASSPATH_WEB="$ROOT/target/classes:$(cat "$cp")"
}

docker0_ip() {
  ip -4 -o addr show docker0 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | head -n1
}

start_agent() {
  local port=$1 start=$SECONDS ip mirror=()
  if [ ! -f "$AGENT_JAR" ] || [ -n "$(find "$ROOT/sandbox-agent/src" "$ROOT/sandbox-agent/pom.xml" -newer "$AGENT_JAR" -print -quit)" ]; then
    say "Building the sandbox agent"
    (cd "$ROOT/sandbox-agent" && mvn_quiet package -DskipTests) || fail "agent build failed"
  fi
  ip=$(docker0_ip)
  [ -n "$ip" ] && mirror=(--isolab.agent.registry-mirror="http://$ip:${ISOLAB_REGISTRY_PORT:-5000}")
  ISOLAB_AGENT_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  export ISOLAB_AGENT_TOKEN ISOLAB_AGENT_URL="http://127.0.0.1:$port"
  say "Starting a throwaway agent on $ISOLAB_AGENT_URL (log: ${AGENT_LOG#"$ROOT"/})"
  setsid "$JAVA_HOME/bin/java" -jar "$AGENT_JAR" --server.port="$port" --server.address=127.0.0.1 \
    --isolab.agent.token="$ISOLAB_AGENT_TOKEN" --isolab.agent.name=labtest \
    --isolab.agent.state-dir="$STATE/labtest-agent" --isolab.agent.pool.size=0 "${mirror[@]}" \
    >"$AGENT_LOG" 2>&1 </dev/null &
  echo $! >"$AGENT_PID_FILE"
  until curl -sf --max-time 5 -o /dev/null "$ISOLAB_AGENT_URL/api/v1/health"; do
    if ! kill -0 "$(cat "$AGENT_PID_FILE")" 2>/dev/null; then
      tail -n 30 "$AGENT_LOG" >&2; fail "the agent exited (log: $AGENT_LOG)"
    fi
    [ $((SECONDS - start)) -ge 180 ] && { tail -n 30 "$AGENT_LOG" >&2; fail "the agent did not answer within 180 s"; }
    sleep 1
  done
  say "Agent up after $((SECONDS - start)) s"
}

# Stops only the agent this script started: its process group, from our own pid file.
stop_agent() {
  [ -f "$AGENT_PID_FILE" ] || return 0
  local pid; pid=$(cat "$AGENT_PID_FILE")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$AGENT_PID_FILE"
}

setup_java
build_web
if [ -z "${ISOLAB_AGENT_URL:-}" ]; then
  trap stop_agent EXIT
  start_agent "${ISOLAB_LABTEST_PORT:-7131}"
else
  [ -n "${ISOLAB_AGENT_TOKEN:-}" ] || fail "ISOLAB_AGENT_URL is set but ISOLAB_AGENT_TOKEN is not"
  say "Using the agent at $ISOLAB_AGENT_URL"
fi
say "Testing labs: ${*:-every lab in labs/}"
"$JAVA_HOME/bin/java" -cp "$CLASSPATH_WEB" io.isolab.labtest.LabTestMain --labs-dir "$ROOT/labs" "$@"
