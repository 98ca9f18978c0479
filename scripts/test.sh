#!/bin/bash
# Full test run: host setup, images, registry, seeds, agent tests, then the web app's tests
# against a real test agent. Prints the time of every phase.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
TEST_PORT=${ISOLAB_TEST_AGENT_PORT:-7071}
AGENT_JAR="$ISOLAB_ROOT/sandbox-agent/target/sandbox-agent-0.1.0-SNAPSHOT.jar"
timings=()
current="" current_start=0
phase() {
  current=$1 current_start=$SECONDS; shift
  "$@"
  timings+=("$(printf '%-22s %5ss' "$current" $((SECONDS - current_start)))"); current=""
}
report() {
  local rc=$?
  stop_bg test-agent
  "$ISOLAB_ROOT/scripts/postgres.sh" stop >/dev/null 2>&1 || true
  [ -n "$current" ] && timings+=("$(printf '%-22s %5ss  FAILED' "$current" $((SECONDS - current_start)))")
  echo; echo "Phase timings:"; printf '  %s\n' "${timings[@]}"; echo "  total                  $((SECONDS - _t0_script))s"
  [ $rc = 0 ] && echo "TESTS PASSED" || echo "TESTS FAILED (exit $rc)"
}
trap report EXIT

phase host-setup "$ISOLAB_ROOT/scripts/host-setup.sh"
phase lab-node-image "$ISOLAB_ROOT/images/lab-node/build.sh"
phase registry "$ISOLAB_ROOT/images/registry/start.sh"
phase seed-images "$ISOLAB_ROOT/images/seeds/build.sh"
phase sandbox-smoke "$ISOLAB_ROOT/scripts/smoke.sh"
setup_java

agent_tests() {
  step "Agent: mvn verify"
  (cd "$ISOLAB_ROOT/sandbox-agent" && run_logged "agent mvn verify" "$ISOLAB_STATE/logs/test-agent-verify.log" mvn -B verify) \
    || fail "agent tests failed"
  grep -h 'Tests run:' "$ISOLAB_STATE/logs/test-agent-verify.log" | tail -n1 || true
}
phase agent-verify agent_tests

start_test_agent() {
  step "Starting a test agent on 127.0.0.1:$TEST_PORT"
  [ -f "$AGENT_JAR" ] || fail "agent jar missing after mvn verify: $AGENT_JAR"
  ISOLAB_AGENT_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  export ISOLAB_AGENT_TOKEN ISOLAB_AGENT_URL="http://127.0.0.1:$TEST_PORT"
  start_bg test-agent "$ISOLAB_STATE/logs/test-agent.log" \
    "$JAVA_HOME/bin/java" -jar "$AGENT_JAR" --server.port="$TEST_PORT" --server.address=127.0.0.1 \
    --isolab.agent.name="test-$TEST_PORT" --isolab.agent.state-dir="$ISOLAB_STATE/test-agent" \
    --isolab.agent.registry-mirror="$(registry_mirror_url)" --isolab.agent.image="$ISOLAB_IMAGE"
  wait_for "$ISOLAB_AGENT_URL/api/v1/health" 180 "test agent" test-agent \
    || { tail -n 30 "$ISOLAB_STATE/logs/test-agent.log" >&2; fail "test agent did not answer (log: .state/logs/test-agent.log)"; }
  require_health "$ISOLAB_AGENT_URL/api/v1/health" "test agent" "$ISOLAB_STATE/logs/test-agent.log"
  info "test agent up"
}

web_tests() {
  if [ ! -f "$ISOLAB_ROOT/pom.xml" ]; then warn "no root pom.xml: skipping web app tests"; return; fi
  step "Web app: mvn verify (against the test agent)"
  (cd "$ISOLAB_ROOT" && run_logged "web mvn verify" "$ISOLAB_STATE/logs/test-web-verify.log" mvn -B verify) \
    || fail "web app tests failed"
  grep -h 'Tests run:' "$ISOLAB_STATE/logs/test-web-verify.log" | tail -n1 || true
}
phase test-agent-start start_test_agent
start_test_postgres() {
  step "Test PostgreSQL (Debian's packages) on 127.0.0.1:${ISOLAB_TEST_PG_PORT:-5433}"
  ISOLAB_TEST_PG_URL=$("$ISOLAB_ROOT/scripts/postgres.sh" start) || fail "test PostgreSQL did not start (log: .state/logs/postgres.log)"
  export ISOLAB_TEST_PG_URL
}
phase test-postgres start_test_postgres
phase web-verify web_tests
