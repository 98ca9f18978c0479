#!/bin/bash
# ./isolab test-labs [lab ...]: every lab (or the given ones) solved by its own solutions in a real
# sandbox; each step's checks must FAIL before its solution and PASS after. Exit 1 names what broke.
# Uses the agent at ISOLAB_AGENT_URL/ISOLAB_AGENT_TOKEN when set; otherwise starts a throwaway
# agent on 127.0.0.1:${ISOLAB_LABTEST_PORT:-7131} and stops it on exit.
# Extra options go to LabTestMain (e.g. --labs-dir DIR).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
AGENT_JAR="$ISOLAB_ROOT/sandbox-agent/target/sandbox-agent-0.1.0-SNAPSHOT.jar"
AGENT_LOG="$ISOLAB_STATE/logs/labtest-agent.log"
mvn_quiet() { mvn -q -B -o "$@" >/dev/null 2>&1 || mvn -q -B "$@"; }

# Compiles the web app when a source or the pom changed since the last run; classpath cached per pom.
build_web() {
  local stamp="$ISOLAB_ROOT/target/classes/.labtest-built" cp="$ISOLAB_ROOT/target/labtest.classpath"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ISOLAB_ROOT/src/main" "$ISOLAB_ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
    step "Compiling the web app (lab tester, catalog, checks)"
    (cd "$ISOLAB_ROOT" && mvn_quiet compile) || fail "mvn compile failed"
    touch "$stamp"
  fi
  if [ ! -s "$cp" ] || [ "$ISOLAB_ROOT/pom.xml" -nt "$cp" ]; then
    (cd "$ISOLAB_ROOT" && mvn_quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime) \
      || fail "mvn dependency:build-classpath failed"
  fi
  WEB_CLASSPATH="$ISOLAB_ROOT/target/classes:$(cat "$cp")"
}

start_agent() {
  local port=$1
  if [ ! -f "$AGENT_JAR" ] || [ -n "$(find "$ISOLAB_ROOT/sandbox-agent/src" "$ISOLAB_ROOT/sandbox-agent/pom.xml" -newer "$AGENT_JAR" -print -quit)" ]; then
    step "Building the sandbox agent"
    (cd "$ISOLAB_ROOT/sandbox-agent" && run_logged "agent package" "$ISOLAB_STATE/logs/labtest-agent-build.log" mvn -q -B package -DskipTests)
  fi
  ISOLAB_AGENT_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  export ISOLAB_AGENT_TOKEN ISOLAB_AGENT_URL="http://127.0.0.1:$port"
  step "Starting a throwaway agent on $ISOLAB_AGENT_URL (log: ${AGENT_LOG#"$ISOLAB_ROOT"/})"
  start_bg labtest-agent "$AGENT_LOG" \
    "$JAVA_HOME/bin/java" -jar "$AGENT_JAR" --server.port="$port" --server.address=127.0.0.1 \
    --isolab.agent.token="$ISOLAB_AGENT_TOKEN" --isolab.agent.name=labtest \
    --isolab.agent.state-dir="$ISOLAB_STATE/labtest-agent" --isolab.agent.pool.size=0 \
    --isolab.agent.registry-mirror="$(registry_mirror_url)" --isolab.agent.image="$ISOLAB_IMAGE"
  wait_for "$ISOLAB_AGENT_URL/api/v1/health" 180 "lab test agent" labtest-agent \
    || { tail -n 30 "$AGENT_LOG" >&2; fail "the lab test agent did not answer (log: $AGENT_LOG)"; }
  require_health "$ISOLAB_AGENT_URL/api/v1/health" "lab test agent" "$AGENT_LOG"
  info "agent up"
}

setup_java
build_web
if [ -z "${ISOLAB_AGENT_URL:-}" ]; then
  need_root
  trap 'stop_bg labtest-agent' EXIT
  start_agent "${ISOLAB_LABTEST_PORT:-7131}"
else
  [ -n "${ISOLAB_AGENT_TOKEN:-}" ] || fail "ISOLAB_AGENT_URL is set but ISOLAB_AGENT_TOKEN is not"
  info "using the agent at $ISOLAB_AGENT_URL"
fi
step "Testing labs: ${*:-every lab in labs/}"
"$JAVA_HOME/bin/java" -cp "$WEB_CLASSPATH" io.isolab.labtest.LabTestMain --labs-dir "$ISOLAB_ROOT/labs" "$@"
