#!/bin/bash
# Sets everything up and starts the agent (127.0.0.1:7070) and the web app (0.0.0.0:8080).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
AGENT_PORT=${ISOLAB_AGENT_PORT:-7070}
WEB_PORT=${ISOLAB_WEB_PORT:-8080}
AGENT_JAR="$ISOLAB_ROOT/sandbox-agent/target/sandbox-agent-0.1.0-SNAPSHOT.jar"
WEB_JAR="$ISOLAB_ROOT/target/isolab-0.1.0-SNAPSHOT.jar"

"$ISOLAB_ROOT/scripts/host-setup.sh"
"$ISOLAB_ROOT/scripts/images.sh"
"$ISOLAB_ROOT/scripts/build.sh"
setup_java
[ -f "$AGENT_JAR" ] || fail "agent jar missing: $AGENT_JAR"

step "Starting the sandbox agent on 127.0.0.1:$AGENT_PORT"
token_file="$ISOLAB_STATE/agent-token"
if [ ! -s "$token_file" ]; then (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$token_file"); fi
chmod 600 "$token_file"
token=$(cat "$token_file")
mkdir -p "$ISOLAB_STATE/logs"
ISOLAB_AGENT_TOKEN="$token" start_bg agent "$ISOLAB_STATE/logs/agent.log" \
  "$JAVA_HOME/bin/java" -jar "$AGENT_JAR" --server.port="$AGENT_PORT" --server.address=127.0.0.1 \
  --isolab.agent.registry-mirror="$(registry_mirror_url)" --isolab.agent.image="$ISOLAB_IMAGE"
wait_for "http://127.0.0.1:$AGENT_PORT/api/v1/health" 180 "agent" agent \
  || { tail -n 30 "$ISOLAB_STATE/logs/agent.log" >&2; fail "agent did not answer (log: .state/logs/agent.log)"; }
require_health "http://127.0.0.1:$AGENT_PORT/api/v1/health" agent "$ISOLAB_STATE/logs/agent.log"
info "agent up"

if [ -f "$WEB_JAR" ]; then
  step "Starting the web app on 0.0.0.0:$WEB_PORT"
  ISOLAB_AGENT_URL="http://127.0.0.1:$AGENT_PORT" ISOLAB_AGENT_TOKEN="$token" start_bg web "$ISOLAB_STATE/logs/web.log" \
    "$JAVA_HOME/bin/java" -jar "$WEB_JAR" --server.port="$WEB_PORT" \
    --isolab.agent.url="http://127.0.0.1:$AGENT_PORT" --isolab.agent.token="$token"
  wait_for "http://127.0.0.1:$WEB_PORT/" 180 "web app" web \
    || { tail -n 30 "$ISOLAB_STATE/logs/web.log" >&2; fail "web app did not answer (log: .state/logs/web.log)"; }
  step "Isolab is running: http://$(hostname -I 2>/dev/null | awk '{print $1}'):$WEB_PORT/  (local: http://127.0.0.1:$WEB_PORT/)"
  # On the very first start the web app creates the admin account and logs its password once.
  sed -n '/created the first admin account/,/keep it safe/p' "$ISOLAB_STATE/logs/web.log" | sed 's/^/    /'
else
  warn "web app jar missing ($WEB_JAR): only the agent runs"
fi
info "logs: .state/logs/   stop: ./isolab stop"
